import type { Page } from 'playwright-core';
import { csrfTokenOn, expectAccessible, screenshot, signInLocally, startWebTestApp, type WebTestApp } from '../support/web';

/** The raise-a-request form as a browser would post it, with the token given. */
const requestForm = (csrf: string) => ({
  _csrf: csrf, childRef: 'LAC-F0RG3', ageAtRequest: '11', placementTypeSought: 'U4', urgency: 'planned',
  'requiredFrom-day': '30', 'requiredFrom-month': '11', 'requiredFrom-year': '2026', siblingGroupSize: '1', needs: '',
});

/** The service navigation's items, without the sign-out link. */
const navigationOf = (page: Page) => page.locator('.govuk-service-navigation__item a').evaluateAll((links) =>
  links.map((a) => a.textContent?.trim() ?? '').filter((text) => !text.includes('Sign out')));

/** A GOV.UK error page: its status, title, and no trace of the code behind it. */
async function expectErrorPage(page: Page, status: number | undefined, expected: number, title: string): Promise<void> {
  expect(status).toBe(expected);
  await expect(page.locator('h1').textContent()).resolves.toBe(title);
  const text = (await page.locator('body').textContent()) ?? '';
  expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|Error:|node_modules/);
  await expectAccessible(page);
}

describe('the web pages keep out forged posts, the wrong roles and signed-out visitors', () => {
  let t: WebTestApp;

  beforeAll(async () => {
    t = await startWebTestApp('embedded');
  });
  afterAll(() => t.close());

  describe('a form posted with text the ledger cannot store', () => {
    it('is a 400 page naming the field, and records nothing', async () => {
      const { context, page } = await t.signedIn('commissioner-amrit');
      await page.goto(`${t.base}/placements/new`);
      const token = await csrfTokenOn(page);
      const before = await t.eventCount();
      const nul = await page.request.post(`${t.base}/placements/new`, { form: { ...requestForm(token), needs: 'health\u0000' }, maxRedirects: 0 });
      expect(nul.status()).toBe(400);
      expect(await nul.text()).toContain('needs must not contain NUL characters');
      expect(await t.eventCount()).toBe(before);
      await context.close();
    });
  });

  describe('a POST without the form’s CSRF token', () => {
    it('is refused with a 403 page and records nothing; the same form with its token records the request', async () => {
      const { context, page } = await t.signedIn('commissioner-amrit');
      await page.goto(`${t.base}/placements/new`);
      const token = await csrfTokenOn(page);
      const before = await t.eventCount();

      for (const forged of ['', 'not-the-token', `${token}x`]) {
        const refused = await page.request.post(`${t.base}/placements/new`, { form: requestForm(forged), maxRedirects: 0 });
        expect(refused.status()).toBe(403);
        expect(await refused.text()).toContain('This form has expired or did not come from this service');
      }
      // The page's own form with its hidden token changed, submitted by the browser.
      await page.locator('input[name="_csrf"]').evaluate((input) => input.setAttribute('value', 'tampered'));
      await page.fill('#childRef', 'LAC-F0RG3');
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Raise request' }).click()]);
      await page.waitForLoadState();
      await expectErrorPage(page, response.status(), 403, 'You cannot use this page');
      expect(await t.eventCount()).toBe(before);

      const accepted = await page.request.post(`${t.base}/placements/new`, { form: requestForm(token), maxRedirects: 0 });
      expect(accepted.status()).toBe(303);
      expect(await t.eventCount()).toBe(before + 1);
      await context.close();
    });
  });

  describe('a signed-in role on a page it may not use', () => {
    it('gets a GOV.UK 403 page with no stack trace', async () => {
      const manager = await t.signedIn('manager-eve');
      await expectErrorPage(manager.page, (await manager.page.goto(`${t.base}/placements/new`))?.status(), 403, 'You cannot use this page');
      await screenshot(manager.page, 'forbidden');
      await expectErrorPage(manager.page, (await manager.page.goto(`${t.base}/jobs`))?.status(), 403, 'You cannot use this page');
      await manager.context.close();

      const commissioner = await t.signedIn('commissioner-bea');
      await commissioner.page.goto(`${t.base}/placements/new`);
      const token = await csrfTokenOn(commissioner.page);
      await expectErrorPage(commissioner.page, (await commissioner.page.goto(`${t.base}/jobs`))?.status(), 403, 'You cannot use this page');
      const sweep = await commissioner.page.request.post(`${t.base}/jobs/renewal-sweep`, { form: { _csrf: token }, maxRedirects: 0 });
      expect(sweep.status()).toBe(403);
      await commissioner.context.close();
    });

    // The budgets pages are another group's: the guard refuses before their handler runs.
    it('refuses the budget form to a commissioner before its handler runs', async () => {
      const { context, page } = await t.signedIn('commissioner-bea');
      await page.goto(`${t.base}/placements/new`);
      const before = await t.eventCount();
      const posted = await page.request.post(`${t.base}/budgets/2026-27`, {
        form: { _csrf: await csrfTokenOn(page), costCentre: 'CC-IFA', amount: '52000', reason: 'Forged budget' }, maxRedirects: 0,
      });
      expect(posted.status()).toBe(403);
      expect(await posted.text()).toContain('You cannot use this page');
      expect(await t.eventCount()).toBe(before);
      await context.close();
    });

    it('shows each role only the navigation items it may use', async () => {
      const expected: Record<string, string[]> = {
        'commissioner-amrit': ['Placements', 'Renewals', 'Compliance', 'Opportunities', 'Sufficiency', 'Notifications'],
        'finance-dana': ['Placements', 'Finance', 'Returns', 'Budgets', 'Compliance', 'Opportunities', 'Sufficiency', 'Reports', 'Notifications'],
        'manager-eve': ['Placements', 'Renewals', 'Finance', 'Returns', 'Compliance', 'Sufficiency', 'Reports', 'Notifications'],
        'admin-sam': ['Placements', 'Reports', 'Jobs', 'Notifications'],
      };
      for (const [user, items] of Object.entries(expected)) {
        const { context, page } = await t.signedIn(user);
        await page.goto(`${t.base}/notifications`);
        await expect(navigationOf(page)).resolves.toEqual(items);
        await context.close();
      }
    });
  });

  describe('a signed-out visitor', () => {
    it('is sent to sign in with where they were going, and lands back there after signing in', async () => {
      const context = await t.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${t.base}/reports/weekly?weekCommencing=2026-11-16`);
      const signIn = new URL(page.url());
      expect(signIn.pathname).toBe('/sign-in');
      expect(signIn.searchParams.get('returnTo')).toBe('/reports/weekly?weekCommencing=2026-11-16');
      await expectAccessible(page);
      await screenshot(page, 'sign-in');
      await page.check('input[name="user"][value="manager-eve"]');
      await Promise.all([page.waitForURL((url) => url.pathname === '/reports/weekly'), page.getByRole('button', { name: 'Sign in' }).click()]);
      expect(page.url()).toBe(`${t.base}/reports/weekly?weekCommencing=2026-11-16`);
      await context.close();
    });

    it('is never sent off the service after signing in', async () => {
      const context = await t.browser.newContext();
      const page = await context.newPage();
      await signInLocally(page, t.base, 'manager-eve', '//evil.example/');
      expect(page.url()).toBe(`${t.base}/`);
      await context.close();
    });
  });

  describe('the start page', () => {
    it('lists what the signed-in role can do, and nothing else', async () => {
      const { context, page } = await t.signedIn('finance-dana');
      await expect(page.locator('h1').textContent()).resolves.toBe('Placement ledger');
      const tasks = await page.locator('main li h2 a').allTextContents();
      expect(tasks).toEqual(['Placements', 'Finance', 'Returns', 'Budgets', 'Compliance', 'Opportunities', 'Sufficiency', 'Reports', 'Notifications']);
      // The year at a glance, from the same query as GET /api/forecast (nothing recorded here: all zero, green).
      const forecast = (await t.http.get('/api/forecast?financialYear=2026-27&asOf=2026-11-23').set('Authorization', `Bearer ${await t.token(['finance'])}`).expect(200)).body;
      await expect(page.locator('[data-figure="projectedOutturnPence"]').textContent()).resolves.toBe('£0.00');
      expect(forecast.scenarios.continuing.projectedOutturnPence).toBe(0);
      await expect(page.locator('[data-rag="continuing"]').getAttribute('data-rag-value')).resolves.toBe(forecast.scenarios.continuing.rag);
      await expect(page.locator('[data-figure="reviewsDue"]').count()).resolves.toBe(0);
      await expectAccessible(page);
      await context.close();
    });
  });

  describe('unknown paths', () => {
    it('are a GOV.UK 404 page, and problem+json under /api', async () => {
      const { context, page } = await t.signedIn('finance-dana');
      await expectErrorPage(page, (await page.goto(`${t.base}/no-such-page`))?.status(), 404, 'Page not found');
      const api = await page.request.get(`${t.base}/api/no-such-thing`);
      expect(api.status()).toBe(404);
      expect(api.headers()['content-type']).toContain('application/problem+json');
      await context.close();
    });
  });

  describe('the headers and the cookie', () => {
    it('puts a nonce-only script policy and framing and sniffing protection on pages, and an HttpOnly SameSite=Lax session cookie', async () => {
      const { context, page } = await t.signedIn('admin-sam');
      for (const path of ['/', '/jobs', '/sign-in', '/no-such-page']) {
        const headers = (await page.goto(`${t.base}${path}`))?.headers() ?? {};
        const policy = headers['content-security-policy'] ?? '';
        const scripts = /(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1] ?? '';
        expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
        expect(scripts).not.toContain('unsafe-inline');
        expect(policy).toMatch(/(?:^|;)\s*frame-ancestors 'none'/);
        expect(policy).toMatch(/(?:^|;)\s*style-src 'self'(;|$)/);
        expect(headers['x-content-type-options']).toBe('nosniff');
      }
      const cookie = (await context.cookies(t.base)).find((c) => c.name === 'ledger.sid');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      await context.close();
    });

    it('marks the session cookie Secure when the request came over HTTPS through a proxy on this machine, and only then', async () => {
      const overHttps = await t.http.get('/sign-in').set('X-Forwarded-Proto', 'https').expect(200);
      expect(String(overHttps.headers['set-cookie'])).toMatch(/ledger\.sid=.*; Secure/);
      const overHttp = await t.http.get('/sign-in').expect(200);
      expect(String(overHttp.headers['set-cookie'])).toMatch(/ledger\.sid=/);
      expect(String(overHttp.headers['set-cookie'])).not.toMatch(/; Secure/);
    });

    it('leaves the JSON API to bearer tokens: a signed-in browser’s cookie gets 401 and no session', async () => {
      const { context, page } = await t.signedIn('demo-user');
      const api = await page.request.get(`${t.base}/api/placements`);
      expect(api.status()).toBe(401);
      expect(api.headers()['content-type']).toContain('application/problem+json');
      expect(api.headers()['set-cookie']).toBeUndefined();
      await context.close();
    });
  });

  describe('signing out', () => {
    it('ends the session: the old cookie no longer opens a page', async () => {
      const { context, page } = await t.signedIn('finance-dana');
      await page.goto(`${t.base}/reports`);
      const old = (await context.cookies(t.base)).find((c) => c.name === 'ledger.sid');
      expect(old).toBeDefined();
      await Promise.all([page.waitForURL('**/signed-out'), page.getByRole('link', { name: 'Sign out' }).click()]);
      await expectAccessible(page);
      await context.close();

      const replay = await t.browser.newContext();
      await replay.addCookies([old!]);
      const again = await replay.newPage();
      await again.goto(`${t.base}/reports`);
      expect(new URL(again.url()).pathname).toBe('/sign-in');
      await replay.close();
    });
  });

  describe('an idle session', () => {
    it('ends once its idle time has run out: the next page asks for sign-in again', async () => {
      const { context, page } = await t.signedIn('finance-dana');
      await page.goto(`${t.base}/reports`);
      expect(new URL(page.url()).pathname).toBe('/reports');
      const sid = decodeURIComponent((await context.cookies(t.base)).find((c) => c.name === 'ledger.sid')!.value).replace(/^s:/, '').split('.')[0];
      // Every request moves expiry on by the idle timeout; stand in for 30 quiet minutes by moving it back.
      const moved = await t.runtime.database.query("UPDATE web_sessions SET expires_at = now() - interval '1 second' WHERE sid = $1 RETURNING sid", [sid]);
      expect(moved).toHaveLength(1);
      await page.goto(`${t.base}/reports`);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await context.close();
    });
  });
});

describe('the web pages with JavaScript switched off', () => {
  let t: WebTestApp;

  beforeAll(async () => {
    t = await startWebTestApp('embedded');
  });
  afterAll(() => t.close());

  it('still sign in, record a request through its form, and filter the placements list', async () => {
    const context = await t.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInLocally(page, t.base, 'commissioner-amrit', '/placements/new');
    await page.fill('#childRef', 'LAC-N0JS1');
    await page.fill('#ageAtRequest', '9');
    await page.check('input[name="urgency"][value="planned"]');
    await page.fill('#requiredFrom-day', '1');
    await page.fill('#requiredFrom-month', '12');
    await page.fill('#requiredFrom-year', '2026');
    await Promise.all([page.waitForURL(/\/placements\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Raise request' }).click()]);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('Placement request raised');
    await page.goto(`${t.base}/placements?childRef=N0JS&status=requested`);
    await expect(page.locator('main table tbody tr').allTextContents()).resolves.toEqual([expect.stringContaining('LAC-N0JS1')]);
    await page.goto(`${t.base}/placements?childRef=NOBODY`);
    await expect(page.locator('main table tbody tr').count()).resolves.toBe(0);
    await context.close();
  });
});

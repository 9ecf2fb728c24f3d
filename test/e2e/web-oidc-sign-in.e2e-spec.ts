import type { BrowserContext, Page } from 'playwright-core';
import { freePort, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { expectAccessible, startWebTestApp, type WebTestApp } from '../support/web';

const ROLE_MAP = { 'ledger-commissioners': 'commissioner', 'ledger-finance': 'finance' };
const ACCOUNTS = [
  { sub: 'amrit.kaur', name: 'Amrit Kaur', roleValues: ['ledger-commissioners', 'all-staff'] },
  { sub: 'dana.okafor', name: 'Dana Okafor', roleValues: ['ledger-finance', 'ledger-commissioners'] },
  { sub: 'chris.canteen', name: 'Chris Canteen', roleValues: ['all-staff', 'catering'] },
];
const ABSOLUTE_MINUTES = 60;

describe('signing in to the web pages through an OpenID provider (authorization code with PKCE)', () => {
  let provider: TestOidcProvider;
  let t: WebTestApp;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const port = await freePort();
    const appBase = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({ appBase, accounts: ACCOUNTS, rolesClaim: 'groups' });
    t = await startWebTestApp('embedded', undefined, {
      port,
      env: {
        OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_CLIENT_AUTH_METHOD: 'client_secret_basic',
        OIDC_REDIRECT_URL: `${appBase}/auth/callback`, OIDC_ROLES_CLAIM: 'groups', OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
        OIDC_SCOPES: 'openid profile groups', LEDGER_SESSION_ABSOLUTE_MINUTES: String(ABSOLUTE_MINUTES),
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await t.browser.newContext({ viewport: { width: 1200, height: 900 } });
    contexts.push(context);
    return { context, page: await context.newPage() };
  }

  /** From a page that needs signing in, through the ledger's sign-in page to the provider's login and consent. */
  async function throughProviderLogin(page: Page, username: string, path: string): Promise<void> {
    await page.goto(`${t.base}${path}`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByRole('button', { name: 'Sign in with your council account' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer && url.pathname.startsWith('/interaction/'));
    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Allow' }).waitFor();
  }

  async function signIn(page: Page, username: string, path = '/'): Promise<string> {
    await throughProviderLogin(page, username, path);
    const callback = page.waitForRequest((request) => request.url().startsWith(`${t.base}/auth/callback?`));
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((url) => url.origin === t.base && url.pathname === new URL(path, t.base).pathname);
    return (await callback).url();
  }

  /**
   * The provider's redirect back to the ledger, held before the ledger sees it: the consent form is sent
   * from the browser context's own request client (its cookies), following the provider's redirects by hand.
   */
  async function heldCallback(page: Page, username: string): Promise<string> {
    await throughProviderLogin(page, username, '/placements/new');
    const action = new URL((await page.locator('form').getAttribute('action')) ?? '', page.url()).href;
    let next = (await page.context().request.post(action, { maxRedirects: 0 })).headers().location;
    while (next !== undefined && !next.startsWith(`${t.base}/auth/callback?`)) {
      next = (await page.context().request.get(new URL(next, provider.issuer).href, { maxRedirects: 0 })).headers().location;
    }
    if (next === undefined) throw new Error('the provider did not redirect back to the ledger');
    return next;
  }

  async function sessionId(context: BrowserContext): Promise<string> {
    const cookie = (await context.cookies(t.base)).find((c) => c.name === 'ledger.sid');
    if (cookie === undefined) throw new Error('no session cookie');
    return decodeURIComponent(cookie.value).replace(/^s:/, '').split('.')[0];
  }

  async function storedUser(context: BrowserContext): Promise<{ id: string; roles: string[]; signedInWith: string } | undefined> {
    const rows = await t.runtime.database.query<{ data: { user?: { id: string; roles: string[]; signedInWith: string } } }>(
      'SELECT data FROM web_sessions WHERE sid = $1', [await sessionId(context)]);
    return rows[0]?.data.user;
  }

  async function expectSignInAsked(page: Page, path: string): Promise<void> {
    await page.goto(`${t.base}${path}`);
    const landed = new URL(page.url());
    expect(landed.pathname).toBe('/sign-in');
    expect(landed.searchParams.get('returnTo')).toBe(path);
  }

  it('lands on the page asked for, signed in as the subject with the mapped roles, PKCE sent', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${t.base}/sign-in`);
    await expectAccessible(page);
    const authorization = page.waitForRequest((request) => request.url().startsWith(`${provider.issuer}/auth?`));
    await throughProviderLogin(page, 'amrit.kaur', '/placements/new');
    const beforeSignIn = await sessionId(context);
    const returned = page.waitForRequest((request) => request.url().startsWith(`${t.base}/auth/callback?`));
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(`${t.base}/placements/new`);
    const callback = (await returned).url();

    const sent = new URL((await authorization).url()).searchParams;
    expect(sent.get('code_challenge_method')).toBe('S256');
    expect(sent.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(sent.get('state')).toBeTruthy();
    expect(sent.get('nonce')).toBeTruthy();
    expect(new URL(callback).searchParams.get('code')).toBeTruthy();
    await expect(page.locator('h1').textContent()).resolves.toBe('Raise a placement request');
    await expect(page.locator('.govuk-phase-banner').textContent()).resolves.toContain('Signed in as Amrit Kaur');
    await expect(storedUser(context)).resolves.toMatchObject({ id: 'amrit.kaur', roles: ['commissioner'], signedInWith: provider.issuer });
    // A fresh session id at sign-in: the one a visitor had before cannot be fixed on them.
    expect(await sessionId(context)).not.toBe(beforeSignIn);
    await expect(t.runtime.database.query('SELECT sid FROM web_sessions WHERE sid = $1', [beforeSignIn])).resolves.toEqual([]);
  });

  it('maps every recognised value of the roles claim and ignores the rest', async () => {
    const { context, page } = await freshPage();
    await signIn(page, 'dana.okafor', '/');
    await expect(page.locator('main').textContent()).resolves.toContain('Signed in as Dana Okafor (commissioner, finance)');
    await expect(storedUser(context)).resolves.toMatchObject({ id: 'dana.okafor', roles: ['commissioner', 'finance'] });
  });

  it('records an event raised from a page with the OIDC subject as actor and the mapped role', async () => {
    const { page } = await freshPage();
    await signIn(page, 'amrit.kaur', '/placements/new');
    await page.getByLabel('Child reference').fill('LAC-OIDC1');
    await page.getByLabel('Age of the child, in years').fill('9');
    await page.getByLabel('Planned').check();
    await page.locator('input[name="requiredFrom-day"]').fill('1');
    await page.locator('input[name="requiredFrom-month"]').fill('12');
    await page.locator('input[name="requiredFrom-year"]').fill('2026');
    await Promise.all([page.waitForURL(/\/placements\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Raise request' }).click()]);

    const placementId = new URL(page.url()).pathname.split('/').pop();
    const token = await t.token(['manager'], 'reader');
    const view = (await t.http.get(`/api/placements/${placementId}`).set('Authorization', `Bearer ${token}`).expect(200)).body;
    expect(view.history).toEqual([expect.objectContaining({ type: 'PlacementRequested', actorId: 'amrit.kaur', actorRole: 'commissioner' })]);
  });

  it('refuses someone the provider knows but who has no mapped role, with a GOV.UK page and no session', async () => {
    const { context, page } = await freshPage();
    await throughProviderLogin(page, 'chris.canteen', '/');
    const refused = page.waitForResponse((response) => response.url().startsWith(`${t.base}/auth/callback?`));
    await page.getByRole('button', { name: 'Allow' }).click();
    expect((await refused).status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toBe('Sign-in did not complete');
    await expect(page.locator('main').textContent()).resolves.toContain('Your account (chris.canteen) has no role in the placement ledger');
    await expectAccessible(page);
    await expect(storedUser(context)).resolves.toBeUndefined();
    await expectSignInAsked(page, '/');
  });

  it('refuses a callback whose state was tampered with, and the genuine one after it', async () => {
    const { context, page } = await freshPage();
    const genuine = await heldCallback(page, 'amrit.kaur');
    const tampered = new URL(genuine);
    tampered.searchParams.set('state', 'forged-state');

    const first = await page.goto(tampered.href);
    expect(first?.status()).toBe(403);
    await expect(page.locator('main').textContent()).resolves.toContain('The identity provider did not confirm who you are');
    await expectAccessible(page);
    const second = await page.goto(genuine);
    expect(second?.status()).toBe(400);
    await expect(page.locator('main').textContent()).resolves.toContain('This sign-in link has expired or was already used');
    await expect(storedUser(context)).resolves.toBeUndefined();
    await expectSignInAsked(page, '/placements/new');
  });

  it('refuses a replayed callback URL, in another browser and in the middle of another sign-in', async () => {
    const { page } = await freshPage();
    const used = await signIn(page, 'amrit.kaur', '/placements/new');

    const elsewhere = await freshPage();
    expect((await elsewhere.page.goto(used))?.status()).toBe(400);
    await expectSignInAsked(elsewhere.page, '/placements/new');

    await heldCallback(elsewhere.page, 'chris.canteen');
    expect((await elsewhere.page.goto(used))?.status()).toBe(403);
    await expect(storedUser(elsewhere.context)).resolves.toBeUndefined();
    await expectSignInAsked(elsewhere.page, '/placements/new');
  });

  it('offers no local sign-in while an issuer is configured', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${t.base}/sign-in`);
    await expect(page.locator('input[name="user"]').count()).resolves.toBe(0);
    await expect(page.locator('form[action="/sign-in"]').count()).resolves.toBe(0);

    await signIn(page, 'amrit.kaur', '/placements/new');
    const csrfToken = await page.locator('input[name="_csrf"]').first().getAttribute('value');
    const posted = await page.request.post(`${t.base}/sign-in`, { form: { _csrf: csrfToken ?? '', user: 'demo-user', returnTo: '/' }, maxRedirects: 0 });
    expect(posted.status()).toBe(403);
    await expect(posted.text()).resolves.toContain('Local sign-in is switched off');
    await expect(storedUser(context)).resolves.toMatchObject({ id: 'amrit.kaur', roles: ['commissioner'] });
  });

  it('keeps the session in an HttpOnly, SameSite=Lax cookie', async () => {
    const { context, page } = await freshPage();
    await signIn(page, 'amrit.kaur', '/');
    const cookie = (await context.cookies(t.base)).find((c) => c.name === 'ledger.sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('signs out of the ledger and of the provider, through its end-session endpoint', async () => {
    const { context, page } = await freshPage();
    await signIn(page, 'amrit.kaur', '/');
    const sid = await sessionId(context);
    const endSession = page.waitForRequest((request) => request.url().startsWith(`${provider.issuer}/session/end?`));
    await page.getByRole('link', { name: /Sign out/ }).focus();
    await page.keyboard.press('Enter');
    const ended = new URL((await endSession).url()).searchParams;
    expect(ended.get('post_logout_redirect_uri')).toBe(`${t.base}/signed-out`);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${t.base}/signed-out`);
    await expect(page.locator('h1').textContent()).resolves.toBe('You have signed out');
    await expectAccessible(page);

    await expect(t.runtime.database.query('SELECT sid FROM web_sessions WHERE sid = $1', [sid])).resolves.toEqual([]);
    await expectSignInAsked(page, '/placements/new');
    // The provider forgot them too: signing in again asks who they are.
    await page.getByRole('button', { name: 'Sign in with your council account' }).click();
    await page.getByLabel('Username').waitFor();
  });

  it(`sends the user back to sign in once ${ABSOLUTE_MINUTES} minutes have passed since sign-in, however active`, async () => {
    const { context, page } = await freshPage();
    await signIn(page, 'amrit.kaur', '/');
    const sid = await sessionId(context);
    // The guard reads Date.now(), so the test moves the stored sign-in time back rather than waiting.
    const setSignedIn = (minutes: number) => t.runtime.database.query(
      `UPDATE web_sessions SET data = jsonb_set(data, '{user,signedInAt}', to_jsonb($2::bigint)) WHERE sid = $1`, [sid, Date.now() - minutes * 60_000]);

    await setSignedIn(ABSOLUTE_MINUTES - 1);
    expect((await page.goto(`${t.base}/placements/new`))?.status()).toBe(200);
    await setSignedIn(ABSOLUTE_MINUTES + 1);
    await expectSignInAsked(page, '/placements/new');
    await expectAccessible(page);
  });
});

import { formatPounds, type Pence } from '@ledger/domain';
import { expectAccessible, screenshot, startWebTestApp, type WebTestApp } from '../support/web';
import { recordWorkedExample } from '../support/worked-example';

/**
 * Every page a signed-in person can open, as the demo user with every role: each answers 200, has a
 * title of its own, one h1, a skip link to the main content, and no axe-core violation (WCAG 2.2 AA).
 */
/** Every page, with `{a}` and `{b}` standing for the worked example's two placements. */
const PAGES = [
  '/', '/placements', '/placements?status=commissioned&sort=weeklyRate&order=desc', '/placements/new', '/placements/{a}', '/placements/{b}',
  ...['in-house-search', 'in-house-match', 'review', 'extend', 'rate-change', 'joint-funding', 'end', 'withdraw', 'commission'].map((form) => `/placements/{b}/${form}`),
  '/renewals', '/finance', '/returns/weekly?weekCommencing=2026-11-16', '/returns/monthly?financialYear=2026-27&period=8',
  '/returns/quarterly?financialYear=2026-27&quarter=3', '/forecast/movement', '/forecast/backtest?financialYear=2025-26', '/compliance', '/budgets/2026-27', '/reports',
  '/reports/weekly?weekCommencing=2026-11-16', '/jobs', '/notifications', '/opportunities', '/opportunities?asOf=2026-11-10', '/sufficiency',
];

describe('every page of the web service', () => {
  let t: WebTestApp;
  let ids: { a: string; b: string };
  let signedIn: Awaited<ReturnType<WebTestApp['signedIn']>>;
  const titles = new Map<string, string>();

  beforeAll(async () => {
    t = await startWebTestApp('embedded');
    ids = await recordWorkedExample(t);
    await t.http.post('/api/jobs/weekly-report').set('Authorization', `Bearer ${await t.token(['admin'])}`).expect(200);
    signedIn = await t.signedIn('demo-user');
  });
  afterAll(async () => {
    await signedIn?.context.close();
    await t.close();
  });

  it.each(PAGES)('%s answers 200 with one h1, a skip link and no accessibility violation', async (template) => {
    const path = template.replace('{a}', ids.a).replace('{b}', ids.b);
    const { page } = signedIn;
    const response = await page.goto(`${t.base}${path}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').count()).resolves.toBe(1);
    await expect(page.locator('a.govuk-skip-link[href="#main-content"]').count()).resolves.toBe(1);
    await expectAccessible(page);
    titles.set(template, await page.title());
  });

  it('gives every page a title of its own (the same page with other filters may share one)', () => {
    expect([...titles.keys()].sort()).toEqual([...PAGES].sort());
    const byTitle = new Map<string, string[]>();
    for (const [path, title] of titles) byTitle.set(title, [...(byTitle.get(title) ?? []), path]);
    const clashes = [...byTitle.entries()].filter(([, paths]) => new Set(paths.map((p) => p.split('?')[0])).size > 1);
    expect(clashes).toEqual([]);
  });

  it('opens on the year at a glance and the reviews to record, from the same queries as the API', async () => {
    const { context, page } = await t.signedIn('demo-user');
    const bearer = { Authorization: `Bearer ${await t.token(['finance'])}` };
    const forecast = (await t.http.get('/api/forecast?financialYear=2026-27').set(bearer).expect(200)).body.scenarios.continuing;
    const renewals = (await t.http.get('/api/renewals').set(bearer).expect(200)).body;
    for (const figure of ['budgetPence', 'actualToDatePence', 'projectedOutturnPence']) {
      await expect(page.locator(`[data-figure="${figure}"]`).textContent()).resolves.toBe(formatPounds(forecast[figure] as Pence));
    }
    expect(forecast.budgetPence).toBe(5_200_000);
    await expect(page.locator('[data-figure="reviewsDue"]').textContent()).resolves.toBe(String(renewals.reviewsDue.length));
    await expect(page.locator('[data-figure="reviewsOverdue"]').textContent()).resolves.toBe(String(renewals.reviewsOverdue.length));
    await screenshot(page, 'home');
    await context.close();
  });
});

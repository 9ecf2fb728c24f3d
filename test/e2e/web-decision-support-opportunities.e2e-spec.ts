import type { Page } from 'playwright-core';
import { commissionBody, noInHouseOption, requestBody } from '../support/placement-fixtures';
import { expectAccessible, screenshot, startWebTestApp, type WebTestApp } from '../support/web';
import { recordWorkedExample } from '../support/worked-example';

/**
 * Step-down and joint-funding opportunities on the worked example (test/support/worked-example.ts) and
 * one more placement, C: a U4 at £1,400 a week from 30 November 2026, therapeutic, no share.
 * - 10 November: A (U4, £1,050 since 5 November) saves £1,050 − £550 in-house = £500 a week. A's need
 *   is education support and only health pays: education is at stake for A's 10 days to its end on
 *   20 November: 105,000 × 10 / 7 = £1,500 gross; 25% = £375.
 * - 22 March 2027: C saves £1,400 − £550 = £850 a week; health is at stake for the 10 days left of
 *   2026-27: 140,000 × 10 / 7 = £2,000 gross; 25% = £500. B has not started.
 */
describe('step-down and joint-funding opportunities, by API and page', () => {
  let t: WebTestApp;
  let ids: { a: string; b: string; c: string };
  let bearer: string;
  const get = (path: string) => t.http.get(path).set('Authorization', `Bearer ${bearer}`);

  beforeAll(async () => {
    t = await startWebTestApp('embedded');
    const { a, b } = await recordWorkedExample(t);
    const commissioner = await t.token(['commissioner']);
    const as = { Authorization: `Bearer ${commissioner}` };
    const c = (await t.http.post('/api/placements').set(as).send(requestBody({ childRef: 'LAC-THER1', needs: ['therapeutic placement'], requiredFrom: '2026-11-30' })).expect(201)).body.placementId;
    await t.http.post(`/api/placements/${c}/in-house-searches`).set(as).send(noInHouseOption('2026-11-27')).expect(201);
    await t.http.post(`/api/placements/${c}/commission`).set(as).send(commissionBody({ weeklyRatePence: 140_000, startDate: '2026-11-30' })).expect(201);
    ids = { a, b, c };
    bearer = await t.token(['finance']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('ranks the step-down saving worked out by hand, with its totals and pagination', async () => {
    const november = (await get('/api/opportunities/step-down?asOf=2026-11-10').expect(200)).body;
    expect(november).toMatchObject({ asOf: '2026-11-10', count: 1, totalWeeklySavingPence: 50_000, pagination: { totals: { opportunities: 1 } } });
    expect(november.opportunities).toEqual([expect.objectContaining({
      placementId: ids.a, placementType: 'U4', weeklyRatePence: 105_000, inHouseWeeklyCostPence: 55_000, weeklySavingPence: 50_000,
      daysRunning: 8, lastInHouseSearch: { searchedOn: '2026-10-30', outcome: 'unavailable' },
    })]);
    const march = (await get('/api/opportunities/step-down?asOf=2027-03-22').expect(200)).body;
    expect(march.opportunities.map((o: { placementId: string; weeklySavingPence: number }) => [o.placementId, o.weeklySavingPence])).toEqual([[ids.c, 85_000]]);
  });

  it('puts the amount at stake worked out by hand on each missing share', async () => {
    const november = (await get('/api/opportunities/joint-funding?asOf=2026-11-10').expect(200)).body;
    expect(november).toMatchObject({ financialYear: '2026-27', shareBasisPoints: 2500, count: 1, totalAmountAtStakePence: 37_500 });
    expect(november.opportunities).toEqual([expect.objectContaining({
      placementId: ids.a, contributor: 'education', status: 'none', needsMatched: ['education support'], grossToYearEndPence: 150_000, amountAtStakePence: 37_500,
    })]);
    const march = (await get('/api/opportunities/joint-funding?asOf=2027-03-22&financialYear=2026-27').expect(200)).body;
    expect(march.opportunities.map((o: { placementId: string; contributor: string; amountAtStakePence: number }) => [o.placementId, o.contributor, o.amountAtStakePence]))
      .toEqual([[ids.c, 'health', 50_000]]);
  });

  it('answers as known before A’s late end and C were recorded: A then looked set to run to the year end', async () => {
    // At 09:00 on 27 November neither A's end (recorded at 10:00) nor C was known: A's education share
    // is at stake for the last 10 days of the year, 105,000 × 10 / 7 = £1,500 gross; 25% = £375.
    const before = (await get('/api/opportunities/joint-funding?asOf=2027-03-22&asAt=2026-11-27T09:00:00Z').expect(200)).body;
    expect(before).toMatchObject({ asAt: '2026-11-27T09:00:00.000Z', count: 1, totalAmountAtStakePence: 37_500 });
    expect(before.opportunities[0]).toMatchObject({ placementId: ids.a, contributor: 'education', amountAtStakePence: 37_500 });
  });

  it('gives CSV for format=csv or Accept: text/csv, money in pounds', async () => {
    const byFormat = await get('/api/opportunities/step-down?asOf=2026-11-10&format=csv').buffer(true).expect(200);
    expect(byFormat.headers['content-type']).toMatch(/^text\/csv/);
    expect(byFormat.text.split('\r\n')[1]).toContain(`,${ids.a},LAC-7Q2P9,U4,CC-IFA,Brightway Fostering,2026-11-02,8,10-11,1050.00,550.00,500.00,2026-10-30,unavailable`);
    const byAccept = await get('/api/opportunities/joint-funding?asOf=2026-11-10').set('Accept', 'text/csv').buffer(true).expect(200);
    expect(byAccept.headers['content-type']).toMatch(/^text\/csv/);
    expect(byAccept.text.split('\r\n')[1]).toMatch(/,education,none,,education support,1500\.00,2500,375\.00$/);
  });

  it.each([
    ['/api/opportunities/step-down?asOf=2026-02-30', 'asOf'],
    ['/api/opportunities/joint-funding?asOf=23-11-2026', 'asOf'],
    ['/api/opportunities/joint-funding?asOf=2026-11-10&financialYear=2026-28', 'financialYear'],
    ['/api/opportunities/step-down?asAt=yesterday', 'asAt'],
  ])('refuses %s with 400 problem details naming %s, recording nothing', async (path, field) => {
    const before = await t.eventCount();
    const res = await get(path).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await t.eventCount()).toBe(before);
  });

  it('is for commissioners and finance, not the head of service', async () => {
    await t.http.get('/api/opportunities/step-down').set('Authorization', `Bearer ${await t.token(['manager'])}`).expect(403);
    await t.http.get('/api/opportunities/step-down').set('Authorization', `Bearer ${await t.token(['commissioner'])}`).expect(200);
  });

  describe('the page, for a commissioner', () => {
    let page: Page;
    beforeAll(async () => {
      ({ page } = await t.signedIn('commissioner-amrit'));
    });

    it('shows both lists with links to the placements and the figures of the API, and passes axe', async () => {
      const response = await page.goto(`${t.base}/opportunities?asOf=2027-03-22`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe('Opportunities');
      await expect(page.title()).resolves.toBe('Opportunities as of 22 March 2027 – Placement ledger');
      await expect(page.locator(`[data-table="step-down"] a[href="/placements/${ids.c}"]`).textContent()).resolves.toBe('LAC-THER1');
      await expect(page.locator(`[data-figure="stepDown.${ids.c}.weeklySavingPence"]`).getAttribute('data-pence')).resolves.toBe('85000');
      await expect(page.locator(`[data-figure="jointFunding.${ids.c}.health.amountAtStakePence"]`).getAttribute('data-pence')).resolves.toBe('50000');
      await expect(page.locator('[data-figure="jointFunding.totalAmountAtStakePence"]').textContent()).resolves.toBe('£500.00');
      await expectAccessible(page);
      await screenshot(page, 'opportunities');
    });

    it('downloads the CSV the page shows, pinned to its date and "as known at"', async () => {
      const href = await page.locator('[data-download="joint-funding-csv"]').getAttribute('href');
      expect(href).toMatch(/^\/opportunities\/joint-funding\.csv\?asOf=2027-03-22&asAt=/);
      const csv = await page.evaluate(async (url) => (await fetch(url)).text(), `${t.base}${href}`);
      expect(csv.split('\r\n')[1]).toMatch(/,health,none,,therapeutic placement,2000\.00,2500,500\.00$/);
    });

    it('says what is wrong with a date it cannot read, with a 400 page that passes axe', async () => {
      const response = await page.goto(`${t.base}/opportunities?asOf-day=30&asOf-month=2&asOf-year=2027`);
      expect(response?.status()).toBe(400);
      await expect(page.locator('.govuk-error-summary').count()).resolves.toBe(1);
      await expectAccessible(page);
    });

    it('refuses a page of a list that does not exist, or a download it cannot read, with a 400 page saying why', async () => {
      const beyond = await page.goto(`${t.base}/opportunities?asOf=2027-03-22&stepDownPage=2`);
      expect(beyond?.status()).toBe(400);
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('There is no page 2 of step-down opportunities: the last is page 1');
      const unreadable = await page.goto(`${t.base}/opportunities?jointFundingPage=first`);
      expect(unreadable?.status()).toBe(400);
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('The page of joint-funding opportunities must be a whole number from 1 to 999');
      const download = await page.goto(`${t.base}/opportunities/step-down.csv?asOf=2027-02-30`);
      expect(download?.status()).toBe(400);
      expect(download?.headers()['content-type']).toMatch(/^text\/html/);
      await expect(page.locator('.govuk-error-summary').count()).resolves.toBe(1);
      await expectAccessible(page);
    });

    it('is not offered to the head of service', async () => {
      const { context, page: managers } = await t.signedIn('manager-eve');
      expect((await managers.goto(`${t.base}/opportunities`))?.status()).toBe(403);
      expect((await managers.goto(`${t.base}/opportunities/step-down.csv`))?.status()).toBe(403);
      await context.close();
    });
  });
});

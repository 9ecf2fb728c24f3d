import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { commissionBody, noInHouseOption, requestBody } from '../support/placement-fixtures';
import { expectAccessible, fillDate, screenshot, startWebTestApp, type WebTestApp } from '../support/web';
import { recordWorkedExample } from '../support/worked-example';

/**
 * Sufficiency on the worked example (test/support/worked-example.ts: A a U4 for a child of 11, ended;
 * B a U6 from 29 March 2027) and two more U4 placements from 1 March 2027: C for a child of 14 at
 * £1,260 a week, D for a child of 13 at £1,050.
 * What if one more U4 in-house place for 12+ were free from 18 March 2027, 14 days before 2026-27 ends?
 * C, the dearer, steps down: (1,260 − 550) × 14 / 7 = £1,420 this year. 2027-28 has 366 days:
 * round(126,000 × 366 / 7) − round(55,000 × 366 / 7) = 6,588,000 − 2,875,714 = 3,712,286p next year.
 */
describe('sufficiency and what-if, by API and page', () => {
  let t: WebTestApp;
  let ids: { a: string; b: string; c: string; d: string };
  let bearer: string;
  const post = (body: object) => t.http.post('/api/sufficiency/what-if').set('Authorization', `Bearer ${bearer}`).send(body);

  beforeAll(async () => {
    t = await startWebTestApp('embedded');
    const { a, b } = await recordWorkedExample(t);
    const as = { Authorization: `Bearer ${await t.token(['commissioner'])}` };
    const commission = async (childRef: string, ageAtRequest: number, weeklyRatePence: number) => {
      const id = (await t.http.post('/api/placements').set(as).send(requestBody({ childRef, ageAtRequest, needs: ['trauma'], requiredFrom: '2027-03-01' })).expect(201)).body.placementId;
      await t.http.post(`/api/placements/${id}/in-house-searches`).set(as).send(noInHouseOption('2026-11-27')).expect(201);
      await t.http.post(`/api/placements/${id}/commission`).set(as).send(commissionBody({ weeklyRatePence, startDate: '2027-03-01' })).expect(201);
      return id as string;
    };
    ids = { a, b, c: await commission('LAC-C0014', 14, 126_000), d: await commission('LAC-D0013', 13, 105_000) };
    bearer = await t.token(['manager']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('steps down the dearer placement and saves the amounts worked out by hand', async () => {
    const answer = (await post({ placementType: 'U4', ageBand: '12+', additionalInHousePlacements: 1, from: '2027-03-18' }).expect(200)).body;
    expect(answer).toMatchObject({
      thisYear: '2026-27', nextYear: '2027-28', inHouseWeeklyCostPence: 55_000,
      totalSavingThisYearPence: 142_000, totalSavingNextYearPence: 3_712_286, pagination: { totals: { steppedDown: 1 } },
    });
    expect(answer.steppedDown).toEqual([expect.objectContaining({
      placementId: ids.c, childRef: 'LAC-C0014', ageBand: '12-15', providerName: 'Brightway Fostering', netWeeklyCostPence: 126_000, stepDownDate: '2027-03-18',
      savingThisYearPence: 142_000, savingNextYearPence: 3_712_286,
    })]);
    expect(answer.assumptions.length).toBeGreaterThan(0);
  });

  it('counts demand by the month it was met, with the needs that go external', async () => {
    const demand = (await t.http.get('/api/sufficiency?from=2026-11-01&to=2027-03-31').set('Authorization', `Bearer ${bearer}`).expect(200)).body;
    // A (November), C and D (March), B (March): all external.
    expect(demand.totals).toMatchObject({ total: 4, external: 4, inHouse: 0 });
    expect(demand.byMonth.map((m: { month: string; external: number }) => [m.month, m.external])).toEqual([['2026-11', 1], ['2026-12', 0], ['2027-01', 0], ['2027-02', 0], ['2027-03', 3]]);
    // A and B need education support, C and D trauma: two each, all external; a tie is ranked by name.
    expect(demand.byNeed.map((n: { need: string; total: number; external: number; externalShareBasisPoints: number }) => [n.need, n.total, n.external, n.externalShareBasisPoints]))
      .toEqual([['education support', 2, 2, 10_000], ['trauma', 2, 2, 10_000]]);
    expect(demand.pagination.totals).toMatchObject({ byMonth: 5, byNeed: 2 });
  });

  it('gives every demand row and the stepped-down placements as CSV, money in pounds', async () => {
    const demand = await t.http.get('/api/sufficiency?from=2026-11-01&to=2027-03-31&format=csv').set('Authorization', `Bearer ${bearer}`).expect(200);
    expect(demand.headers['content-type']).toMatch(/^text\/csv/);
    const lines = demand.text.trim().split('\r\n');
    expect(lines[0]).toBe('from,to,asAt,dimension,value,total,inHouse,external,open,withdrawn,externalShareBasisPoints');
    expect(lines).toContainEqual(expect.stringMatching(/,month,2027-03,3,0,3,0,0,10000$/));
    expect(lines).toContainEqual(expect.stringMatching(/,need,trauma,2,0,2,0,0,10000$/));
    const answer = await post({ placementType: 'U4', ageBand: '12+', additionalInHousePlacements: 1, from: '2027-03-18' }).query({ format: 'csv' }).expect(200);
    const rows = answer.text.trim().split('\r\n');
    expect(rows[0]).toContain('saving2026-27Pounds,saving2027-28Pounds');
    // 142,000p this year and 3,712,286p next, as the JSON worked example.
    expect(rows[1]).toMatch(/,LAC-C0014,12-15,Brightway Fostering,1260\.00,2027-03-18,,1420\.00,37122\.86$/);
    await t.http.get('/api/sufficiency?format=xml').set('Authorization', `Bearer ${bearer}`).expect(400);
  });

  it.each([
    [{ placementType: 'U4', ageBand: 'teenagers', additionalInHousePlacements: 1, from: '2027-03-18' }, 'ageBand'],
    [{ placementType: 'P1', ageBand: '12+', additionalInHousePlacements: 1, from: '2027-03-18' }, 'placementType'],
    [{ placementType: 'U4', ageBand: '12+', additionalInHousePlacements: 0, from: '2027-03-18' }, 'additionalInHousePlacements'],
    [{ placementType: 'U4', ageBand: '12+', additionalInHousePlacements: 1, from: '2027-02-30' }, 'from'],
  ])('refuses %j with 400 problem details naming %s, appending nothing', async (body, field) => {
    const before = await t.eventCount();
    const res = await post(body).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await t.eventCount()).toBe(before);
  });

  it('appends nothing when it answers', async () => {
    const before = await t.eventCount();
    await post({ placementType: 'U4', ageBand: '12+', additionalInHousePlacements: 10, from: '2027-03-01' }).expect(200);
    expect(await t.eventCount()).toBe(before);
  });

  it('takes an Idempotency-Key like any POST, and is for managers, finance and commissioners only', async () => {
    const body = { placementType: 'U4', ageBand: '12+', additionalInHousePlacements: 1, from: '2027-03-18' };
    const keyed = await post(body).set('Idempotency-Key', 'what-if-1').expect(200);
    expect(keyed.body.totalSavingThisYearPence).toBe(142_000);
    for (const role of ['finance', 'commissioner'] as const) {
      await t.http.post('/api/sufficiency/what-if').set('Authorization', `Bearer ${await t.token([role])}`).send(body).expect(200);
    }
    await t.http.post('/api/sufficiency/what-if').set('Authorization', `Bearer ${await t.token(['admin'])}`).send(body).expect(403);
    await t.http.get('/api/sufficiency').set('Authorization', `Bearer ${await t.token(['scheduler'])}`).expect(403);
  });

  describe('the page, for a manager', () => {
    let page: Page;
    beforeAll(async () => {
      ({ page } = await t.signedIn('manager-eve'));
    });

    it('shows the demand tables and the strategy target, and passes axe', async () => {
      const response = await page.goto(`${t.base}/sufficiency`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe('Sufficiency');
      await expect(page.locator('[data-table="by-month"] tbody tr').count()).resolves.toBe(12);
      await expect(page.locator('#strategy-target').count()).resolves.toBe(1);
      await expectAccessible(page);
    });

    it('shows demand for the months asked for, as the API counts it', async () => {
      const response = await page.goto(`${t.base}/sufficiency?demandFrom=2026-11-01&demandTo=2027-03-31`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('[data-table="by-month"] tbody tr').count()).resolves.toBe(5);
      await expect(page.locator('[data-figure="totals.external"]').textContent()).resolves.toBe('4');
      await expect(page.locator('[data-table="by-need"] tbody tr th').allTextContents()).resolves.toEqual(['education support', 'trauma']);
      await expectAccessible(page);
    });

    it('says what is wrong with a demand date it cannot read, with 400', async () => {
      const response = await page.goto(`${t.base}/sufficiency?demandFrom-day=30&demandFrom-month=2&demandFrom-year=2027`);
      expect(response?.status()).toBe(400);
      await expect(page.locator('.govuk-error-summary').count()).resolves.toBe(1);
    });

    it('answers the what-if form with the hand-worked saving on the same page', async () => {
      await page.goto(`${t.base}/sufficiency?demandFrom=2026-11-01&demandTo=2027-03-31`);
      await page.selectOption('#placementType', 'U4');
      await page.fill('#ageBand', '12+');
      await page.fill('#places', '1');
      await fillDate(page, 'from', '2027-03-18');
      const [response] = await Promise.all([page.waitForNavigation(), page.click('[data-action="what-if"]')]);
      expect(response?.status()).toBe(200);
      await expect(page.locator('[data-figure="answer.totalSavingThisYearPence"]').getAttribute('data-pence')).resolves.toBe('142000');
      await expect(page.locator('[data-figure="answer.totalSavingThisYearPence"]').textContent()).resolves.toBe('£1,420.00');
      await expect(page.locator(`[data-table="stepped-down"] a[href="/placements/${ids.c}"]`).textContent()).resolves.toBe('LAC-C0014');
      // The demand window shown before the form was sent is kept.
      await expect(page.locator('[data-table="by-month"] tbody tr').count()).resolves.toBe(5);
      await expectAccessible(page);
      await screenshot(page, 'sufficiency-what-if');
      // The answer's CSV: the same question sent again to the CSV route, every stepped-down placement in pounds.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="what-if-csv"]')]);
      const rows = fs.readFileSync(await download.path(), 'utf8').trim().split('\r\n');
      expect(rows[1]).toMatch(/,LAC-C0014,12-15,Brightway Fostering,1260\.00,2027-03-18,,1420\.00,37122\.86$/);
    });

    it('downloads the demand it shows as CSV, pinned to its months and "as known at"', async () => {
      await page.goto(`${t.base}/sufficiency?demandFrom=2026-11-01&demandTo=2027-03-31`);
      const href = await page.locator('[data-download="demand-csv"]').getAttribute('href');
      expect(href).toMatch(/^\/sufficiency\/demand\.csv\?demandFrom=2026-11-01&demandTo=2027-03-31&asAt=/);
      const csv = await page.evaluate(async (url) => (await fetch(url)).text(), `${t.base}${href}`);
      expect(csv.split('\r\n')).toContainEqual(expect.stringMatching(/,month,2027-03,3,0,3,0,0,10000$/));
      const bad = await page.goto(`${t.base}/sufficiency/demand.csv?demandFrom=2027-03-31&demandTo=2026-11-01`);
      expect(bad?.status()).toBe(400);
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('The last day of demand must be on or after the first');
    });

    it('shows an error summary with 400 for ages it cannot read, recording nothing', async () => {
      const before = await t.eventCount();
      await page.goto(`${t.base}/sufficiency`);
      await page.fill('#ageBand', 'teenagers');
      const [response] = await Promise.all([page.waitForNavigation(), page.click('[data-action="what-if"]')]);
      expect(response?.status()).toBe(400);
      await expect(page.locator('.govuk-error-summary').count()).resolves.toBe(1);
      await expect(page.locator('.govuk-error-summary a[href="#ageBand"]').count()).resolves.toBe(1);
      await expectAccessible(page);
      expect(await t.eventCount()).toBe(before);
    });
  });
});

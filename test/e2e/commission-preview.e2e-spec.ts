import type { Page } from 'playwright-core';
import { commissionBody, noInHouseOption, requestBody } from '../support/placement-fixtures';
import { expectAccessible, fillDate, screenshot, startWebTestApp, type WebTestApp } from '../support/web';

interface HistoryEntry { type: string; data: Record<string, unknown> }

/**
 * What a commission does to the budget before it is made, worked out by hand. Monday 23 November 2026;
 * CC-IFA's 2026-27 budget £40,000. A runs at £1,400 a week from today: to 1 April, 129 days, £25,800 on
 * the continuing basis (green, £14,200 headroom). B at £1,050 a week from today would add 105,000 × 129 / 7
 * = £19,350: £45,150, £5,150 over, past 5% of the budget (£2,000), so red.
 */
describe('the cost of a commission before it is made', () => {
  let t: WebTestApp;
  let commissioner: string;
  let a: string;
  let b: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const bBody = commissionBody({ weeklyRatePence: 105_000, startDate: '2026-11-23' });
  const view = async (id: string) => (await t.http.get(`/api/placements/${id}`).set(as(commissioner)).expect(200)).body as { revision: number; history: HistoryEntry[] };

  beforeAll(async () => {
    t = await startWebTestApp('embedded', '2026-11-23T10:00:00Z');
    commissioner = await t.token(['commissioner']);
    const finance = await t.token(['finance']);
    await t.http.put('/api/budgets/2026-27/CC-IFA').set(as(finance)).send({ amountPence: 4_000_000, reason: 'Budget' }).expect(200);
    for (const childRef of ['LAC-PRE0A', 'LAC-PRE0B']) {
      const id = (await t.http.post('/api/placements').set(as(commissioner)).send(requestBody({ childRef, requiredFrom: '2026-11-23' })).expect(201)).body.placementId as string;
      await t.http.post(`/api/placements/${id}/in-house-searches`).set(as(commissioner)).send(noInHouseOption('2026-11-20')).expect(201);
      if (childRef === 'LAC-PRE0A') await t.http.post(`/api/placements/${id}/commission`).set(as(commissioner)).send(commissionBody({ weeklyRatePence: 140_000, startDate: '2026-11-23' })).expect(201);
      else b = id;
      if (childRef === 'LAC-PRE0A') a = id;
    }
  });
  afterAll(() => t.close());

  it('gives the outturn and RAG before and after, and records nothing', async () => {
    const before = await view(b);
    const res = await t.http.post(`/api/placements/${b}/commission/preview`).set(as(commissioner)).send(bBody).expect(200);
    expect(res.body).toMatchObject({ financialYear: '2026-27', costCentre: 'CC-IFA', budgetPence: 4_000_000, placementYearAfterPence: 1_935_000, turnsRed: true });
    expect(res.body.continuing).toEqual({
      outturnBeforePence: 2_580_000, outturnAfterPence: 4_515_000, ragBefore: 'green', ragAfter: 'red', headroomBeforePence: 1_420_000, headroomAfterPence: -515_000,
    });
    // Committed: A to its term end on 21 December (28 days, £5,600) plus B's 28 days (£4,200).
    expect(res.body.committed).toMatchObject({ outturnBeforePence: 560_000, outturnAfterPence: 980_000, ragAfter: 'green' });
    expect(await view(b)).toEqual(before);
  });

  it('refuses what the command would refuse, changing nothing', async () => {
    const before = await view(b);
    const bad = await t.http.post(`/api/placements/${b}/commission/preview`).set(as(commissioner)).send({ ...bBody, weeklyRatePence: -5 }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'weeklyRatePence' })]);
    const rule = await t.http.post(`/api/placements/${b}/commission/preview`).set(as(commissioner)).send({ ...bBody, weeklyRatePence: 600_000 }).expect(422);
    expect(rule.body.code ?? rule.body.type).toMatch(/rate-band/);
    await t.http.post('/api/placements/6f1c2b1e-58c4-4d0e-9a8e-1f2d3c4b5a69/commission/preview').set(as(commissioner)).send(bBody).expect(404);
    await t.http.post(`/api/placements/${b}/commission/preview`).set(as(await t.token(['manager']))).send(bBody).expect(403);
    expect(await view(b)).toEqual(before);
  });

  it('warns on check-your-answers, goes ahead when confirmed, and stamps the warning on the event', async () => {
    const { page } = await t.signedIn('commissioner-amrit');
    await page.goto(`${t.base}/placements/${b}/commission`);
    await fillCommission(page);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continue', exact: true }).click()]);
    await expectAccessible(page);
    await expect(page.locator('.govuk-warning-text').innerText()).resolves.toContain('This would turn CC-IFA red: its projected outturn would be £45,150.00 against a budget of £40,000.00');
    await expect(page.locator('#budget-preview').innerText()).resolves.toContain('£5,150.00 over budget');
    await screenshot(page, 'commission-check-budget-warning');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Confirm and commission' }).click()]);
    expect(page.url()).toBe(`${t.base}/placements/${b}`);
    const commissioned = (await view(b)).history.find((e) => e.type === 'PlacementCommissioned')!;
    expect(commissioned.data.budgetWarning).toEqual({
      financialYear: '2026-27', costCentre: 'CC-IFA', budgetPence: 4_000_000, outturnBeforePence: 2_580_000, outturnAfterPence: 4_515_000, ragBefore: 'green',
    });
  });

  it('previews an extension on its form: the committed basis moves by the new term, nothing is recorded', async () => {
    await t.http.post(`/api/placements/${a}/reviews`).set(as(commissioner)).send({ reviewedOn: '2026-11-23', outcome: 'extend' }).expect(201);
    const before = await view(a);
    // A's term ends 21 December; to 18 January is 28 more days at £1,400: £5,600 on the committed basis.
    const api = await t.http.post(`/api/placements/${a}/extensions/preview`).set(as(commissioner)).send({ newTermEnd: '2027-01-18', reason: 'Settled' }).expect(200);
    expect(api.body.committed.outturnAfterPence - api.body.committed.outturnBeforePence).toBe(560_000);
    expect(api.body.continuing.outturnAfterPence).toBe(api.body.continuing.outturnBeforePence);
    const { page } = await t.signedIn('commissioner-amrit');
    await page.goto(`${t.base}/placements/${a}/extend`);
    await fillDate(page, 'newTermEnd', '2027-01-18');
    await page.fill('[name="reason"]', 'Settled');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Check the cost first' }).click()]);
    await expectAccessible(page);
    const figures = await page.locator('#budget-preview').innerText();
    expect(figures).toContain(`Committed to term ends, after this`);
    expect(figures).toContain(`£${((api.body.committed.outturnAfterPence as number) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`);
    await expect(page.locator('[name="reason"]').inputValue()).resolves.toBe('Settled');
    await screenshot(page, 'extension-budget-preview');
    expect(await view(a)).toEqual(before);
  });

  it('stamps nothing on a commission that leaves the cost centre within budget, and ignores a warning sent by the caller', async () => {
    await t.http.put('/api/budgets/2026-27/CC-RES').set(as(await t.token(['finance']))).send({ amountPence: 10_000_000, reason: 'Budget' }).expect(200);
    const c = (await t.http.post('/api/placements').set(as(commissioner)).send(requestBody({ childRef: 'LAC-PRE0C', requiredFrom: '2026-11-23' })).expect(201)).body.placementId as string;
    await t.http.post(`/api/placements/${c}/in-house-searches`).set(as(commissioner)).send(noInHouseOption('2026-11-20')).expect(201);
    await t.http.post(`/api/placements/${c}/commission`).set(as(commissioner)).send({ ...commissionBody({ startDate: '2026-11-23', costCentre: 'CC-RES' }), budgetWarning: { costCentre: 'x' } }).expect(400);
    await t.http.post(`/api/placements/${c}/commission`).set(as(commissioner)).send(commissionBody({ startDate: '2026-11-23', costCentre: 'CC-RES' })).expect(201);
    // £950 a week for the 129 days left is £17,507.14 against £100,000: green.
    const data = (await view(c)).history.find((e) => e.type === 'PlacementCommissioned')!.data;
    expect(Object.keys(data)).not.toContain('budgetWarning');
  });
});

async function fillCommission(page: Page): Promise<void> {
  await page.check('input[name="knownProvider"][value="new"]');
  await page.fill('[name="provider.id"]', 'IFA-017');
  await page.fill('[name="provider.name"]', 'Brightway Fostering');
  await page.selectOption('[name="provider.ofstedGrade"]', 'good');
  await page.fill('[name="provider.distanceMiles"]', '12');
  await page.fill('[name="weeklyRate"]', '£1,050');
  await fillDate(page, 'startDate', '2026-11-23');
  await page.fill('[name="costCentre"]', 'CC-IFA');
}

import { commissionBody, noInHouseOption, requestBody } from '../support/placement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A back-test of 2026-27 worked out by hand. A: £1,000 a week from Mon 6 April 2026 (recorded 20 March);
 * to 1 April 2027 that is 360 days, 100,000 × 360 / 7 = 5,142,857p. B: £2,100 a week from Mon 15 June
 * (recorded that day); 290 days to the year end, 8,700,000p. Neither ends: the actual outturn is 13,842,857p.
 */
describe('the forecast back-tested against the year it forecast', () => {
  let t: TestApp;
  let finance: string;
  let b: string;
  const get = (path: string) => t.http.get(path).set('Authorization', `Bearer ${finance}`);

  beforeAll(async () => {
    t = await startTestApp('embedded', '2026-03-20T10:00:00Z');
    finance = await t.token(['finance']);
    const commissioner = await t.token(['commissioner']);
    const as = { Authorization: `Bearer ${commissioner}` };
    const place = async (childRef: string, startDate: string, weeklyRatePence: number) => {
      const id = (await t.http.post('/api/placements').set(as).send(requestBody({ childRef, requiredFrom: startDate })).expect(201)).body.placementId as string;
      await t.http.post(`/api/placements/${id}/in-house-searches`).set(as).send(noInHouseOption(t.clock.now().toISOString().slice(0, 10))).expect(201);
      await t.http.post(`/api/placements/${id}/commission`).set(as).send(commissionBody({ weeklyRatePence, startDate })).expect(201);
      return id;
    };
    await place('LAC-BT00A', '2026-04-06', 100_000);
    t.clock.set('2026-06-15T10:00:00Z');
    b = await place('LAC-BT00B', '2026-06-15', 210_000);
    t.clock.set('2027-05-01T10:00:00Z');
  });
  afterAll(() => t.close());

  it('replays each month’s forecast from what was recorded before it, against the actual outturn', async () => {
    const res = await get('/api/forecast/backtest?financialYear=2026-27').expect(200);
    expect(res.body.actualOutturnPence).toBe(13_842_857);
    expect(res.body.months.map((m: { monthStart: string }) => m.monthStart)).toEqual([
      '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01']);
    const [april, , june, july] = res.body.months;
    // 1 April: only A is known. Continuing, it runs the year: 5,142,857p, short by B's 8,700,000p.
    // Committed, it runs its first 28 days: 400,000p.
    expect(april.asAt).toBe('2026-03-31T23:00:00.000Z'); // midnight in London, on summer time
    expect(april.projectedPence).toMatchObject({ committed: 400_000, continuing: 5_142_857 });
    expect(april.errorPence.continuing).toBe(-8_700_000);
    expect(june.projectedPence.continuing).toBe(5_142_857); // B was recorded on 15 June, after 1 June began
    // From 1 July both are known and neither ends: the continuing basis is exact.
    expect(july.projectedPence.continuing).toBe(13_842_857);
    expect(july.errorPence.continuing).toBe(0);
    // Continuing errs by 8,700,000p in three months of twelve (April to June), nothing in the rest:
    // mean absolute percentage error 3 × 8,700,000 / (12 × 13,842,857) = 15.71%.
    expect(res.body.meanAbsolutePercentageErrorBasisPoints.continuing).toBe(1571);
    for (const m of res.body.months) expect(m.p10Pence <= m.projectedPence.p50 && m.projectedPence.p50 <= m.p90Pence).toBe(true);
    expect(res.body.inRange.of).toBe(12);
  });

  it('is not moved by what is recorded later: a correction changes the actual, not what was forecast', async () => {
    const before = (await get('/api/forecast/backtest?financialYear=2026-27').expect(200)).body;
    t.clock.set('2027-05-02T10:00:00Z');
    const commissioner = await t.token(['commissioner']);
    await t.http.post(`/api/placements/${b}/end`).set('Authorization', `Bearer ${commissioner}`).send({ endDate: '2027-01-04', reason: 'E4A' }).expect(201);
    const after = (await get('/api/forecast/backtest?financialYear=2026-27').expect(200)).body;
    // B to 4 January: 203 days, 210,000 × 203 / 7 = 6,090,000p, so the actual is 5,142,857 + 6,090,000.
    expect(after.actualOutturnPence).toBe(11_232_857);
    expect(after.months.map((m: { projectedPence: unknown }) => m.projectedPence)).toEqual(before.months.map((m: { projectedPence: unknown }) => m.projectedPence));
  });

  it('refuses a year that has not ended, and a malformed one', async () => {
    const open = await get('/api/forecast/backtest?financialYear=2027-28').expect(400);
    expect(open.body.errors).toEqual([expect.objectContaining({ field: 'financialYear' })]);
    await get('/api/forecast/backtest?financialYear=last-year').expect(400);
  });
});

import { recordWorkedExample } from '../support/worked-example';
import { startTestApp, type TestApp } from '../support/test-app';

/** The forecast and its movement for the hand-made ledger of test/support/worked-example.ts. */
describe('the forecast for a ledger worked out by hand', () => {
  let t: TestApp;
  let reader: string;

  beforeAll(async () => {
    t = await startTestApp('embedded');
    await recordWorkedExample(t);
    reader = await t.token(['finance']);
  });
  afterAll(() => t.close());

  const get = (path: string) => t.http.get(path).set('Authorization', `Bearer ${reader}`);

  it('projects the year on each basis as of 30 November', async () => {
    const res = await get('/api/forecast?financialYear=2026-27&asOf=2026-11-30').expect(200);
    // A is over: 226,607p net. B adds 3 days at £840 before the year end: 36,000p on every basis.
    expect(res.body.scenarios.continuing).toMatchObject({ actualToDatePence: 226_607, projectedOutturnPence: 262_607, budgetPence: 5_200_000, variancePence: -4_937_393, rag: 'green' });
    expect(res.body.scenarios.committed).toMatchObject({ projectedOutturnPence: 262_607 });
    // Trend: one commission in 26 weeks at £1,000 lasting 18 days (A), over the 122 days left:
    // round((2 × 122 × 18 − 18²) × 100000 / (2 × 182 × 7)) = 159,655p of new demand.
    expect(res.body.scenarios.trend).toMatchObject({ expectedNewDemandPence: 159_655, projectedOutturnPence: 262_607 + 159_655 });
    expect(res.body.scenarios.trend.costCentres['CC-IFA'].projectedOutturnPence).toBe(422_262);
  });

  it('gives the outturn as a P10–P90 range, the same for the same asAt', async () => {
    const path = '/api/forecast?financialYear=2026-27&asOf=2026-11-30&asAt=2026-11-28T00:00:00Z';
    const [first, second] = [(await get(path).expect(200)).body, (await get(path).expect(200)).body];
    expect(first.range).toEqual(second.range);
    const { p10Pence, p50Pence, p90Pence, runs, costCentres } = first.range;
    expect(runs).toBe(500);
    // A has ended and B's only term is certain: nothing renews; only new commissions vary, and they only add.
    expect(p10Pence).toBeGreaterThanOrEqual(first.scenarios.continuing.projectedOutturnPence);
    expect(p10Pence <= p50Pence && p50Pence <= p90Pence).toBe(true);
    expect(costCentres['CC-IFA']).toEqual({ p10Pence, p50Pence, p90Pence });
  });

  it('explains the move between 26 and 28 November by cause, the parts adding up to the change', async () => {
    const res = await get('/api/forecast/movement?financialYear=2026-27&asOf=2026-11-30&from=2026-11-26T00:00:00Z&to=2026-11-28T00:00:00Z').expect(200);
    // Before the late end A ran to the year end: 2,247,857p gross less health's 536,250p = 1,711,607p.
    expect(res.body.before.projectedOutturnPence).toBe(1_711_607);
    expect(res.body.after.projectedOutturnPence).toBe(262_607);
    expect(res.body.byCause).toEqual({ newCommissions: 36_000, ends: 0, extensions: 0, rateChanges: 0, jointFunding: 0, backdatedCorrections: -1_485_000 });
    const parts = Object.values(res.body.byCause as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(parts).toBe(res.body.after.projectedOutturnPence - res.body.before.projectedOutturnPence);
    expect(res.body.items.map((i: { cause: string }) => i.cause)).toEqual(['backdatedCorrections', 'newCommissions']);
  });

  it('agrees with the forecast itself at both ends', async () => {
    const before = await get('/api/forecast?financialYear=2026-27&asOf=2026-11-30&asAt=2026-11-26T00:00:00Z').expect(200);
    expect(before.body.scenarios.continuing.projectedOutturnPence).toBe(1_711_607);
  });

  it('reports November\'s commission as made after an in-house search', async () => {
    const res = await get('/api/compliance/in-house-first?from=2026-11-01&to=2026-12-01').expect(200);
    expect(res.body.commissions).toMatchObject({ external: 1, withPriorSearch: 1, emergency: 0 });
    expect(res.body.reviews).toMatchObject({ onTime: 0, late: 0, overdue: 0 });
  });

  it('lists the renewals due: B\'s first term is months away, A has ended', async () => {
    const res = await get('/api/renewals?within=14').expect(200);
    expect(res.body).toEqual({ asOf: '2026-11-27', within: 14, reviewsDue: [], reviewsOverdue: [], pagination: { limit: 100, offset: 0, totals: { reviewsDue: 0, reviewsOverdue: 0 } } });
    const soon = await get('/api/renewals?within=90').expect(200);
    expect(soon.body.reviewsDue).toEqual([]);
    await get('/api/renewals?within=0').expect(400);
  });

  it('refuses a movement whose from is after its to', async () => {
    const res = await get('/api/forecast/movement?financialYear=2026-27&from=2026-11-28T00:00:00Z&to=2026-11-26T00:00:00Z').expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
  });
});

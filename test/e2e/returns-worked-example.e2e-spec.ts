import ExcelJS from 'exceljs';
import { recordWorkedExample } from '../support/worked-example';
import { startTestApp, type TestApp } from '../support/test-app';

/** The returns for the hand-made ledger of test/support/worked-example.ts, worked out on paper. */
describe('finance returns for a ledger worked out by hand', () => {
  let t: TestApp;
  let reader: string;
  const beforeLateEnd = '2026-11-26T00:00:00Z';

  beforeAll(async () => {
    t = await startTestApp('embedded', '2026-11-02T09:00:00Z');
    await recordWorkedExample(t);
    reader = await t.token(['manager']);
  });
  afterAll(() => t.close());

  const get = (path: string) => t.http.get(path).set('Authorization', `Bearer ${reader}`);

  it('charges the week of the backdated end 4 days at £1,050, a quarter paid by health', async () => {
    const res = await get('/api/returns/weekly?weekCommencing=2026-11-16').expect(200);
    expect(res.body.period).toEqual({ start: '2026-11-16', end: '2026-11-23' });
    expect(res.body.total).toEqual({
      grossPence: 60_000, contributionsPence: 15_000, netPence: 45_000,
      financialYearToDatePence: 102_857 + 78_750 + 45_000,
      budgetToDatePence: 3_362_192, // £52,000 × 236 / 365 days, rounded half up
      variancePence: 226_607 - 3_362_192,
      activeAtStart: 1, commissioned: 0, ended: 1, activeAtEnd: 0,
    });
    expect(res.body.costCentres['CC-IFA'].netPence).toBe(45_000);
    expect(res.body.placementTypes.U4).toMatchObject({ netPence: 45_000, budgetToDatePence: null });
    expect(res.body.movements).toEqual([expect.objectContaining({ kind: 'ended', date: '2026-11-20', weeklyRatePence: 105_000, periodNetPence: 45_000 })]);
  });

  it('shows what the same week said before the late end was recorded', async () => {
    const res = await get(`/api/returns/weekly?weekCommencing=2026-11-16&asAt=${beforeLateEnd}`).expect(200);
    expect(res.body.total).toMatchObject({ grossPence: 105_000, contributionsPence: 26_250, netPence: 78_750, ended: 0, activeAtEnd: 1 });
  });

  it('charges the rate change from the Thursday of its week', async () => {
    const res = await get('/api/returns/weekly?weekCommencing=2026-11-02').expect(200);
    expect(res.body.total).toMatchObject({ grossPence: 42_857 + 60_000, contributionsPence: 0, commissioned: 1, activeAtStart: 0 });
    expect(res.body.movements.map((m: { kind: string }) => m.kind)).toEqual(['commissioned', 'rate-changed']);
  });

  it('gives its lists a page at a time, with each list\'s total, and refuses a page it cannot give', async () => {
    const page = await get('/api/returns/weekly?weekCommencing=2026-11-02&limit=1&offset=1').expect(200);
    expect(page.body.movements.map((m: { kind: string }) => m.kind)).toEqual(['rate-changed']);
    expect(page.body.pagination).toEqual({ limit: 1, offset: 1, totals: { movements: 2, reviewsDue: 0, reviewsOverdue: 0 } });
    expect(page.body.total.commissioned).toBe(1);
    expect((await get('/api/returns/weekly?weekCommencing=2026-11-02').expect(200)).body.pagination).toMatchObject({ limit: 100, offset: 0 });
    for (const bad of ['limit=0', 'limit=1001', 'offset=-1', 'limit=ten']) {
      const refused = await get(`/api/returns/weekly?weekCommencing=2026-11-02&${bad}`).expect(400);
      expect(refused.body.errors[0].field).toBe(bad.split('=')[0]);
    }
    const compliance = await get('/api/compliance/in-house-first?from=2026-04-01&to=2026-12-01&limit=1').expect(200);
    expect(Object.keys(compliance.body.pagination.totals)).toEqual(['commissions.emergencies', 'reviews.terms', 'providersBelowGood', 'overDistance']);
    expect(compliance.body.reviews.terms.length).toBe(Math.min(1, compliance.body.pagination.totals['reviews.terms']));
  });

  it('makes November the sum of its weeks, with the continuing outturn for the year', async () => {
    const res = await get('/api/returns/monthly?financialYear=2026-27&period=8').expect(200);
    expect(res.body.period).toEqual({ start: '2026-11-01', end: '2026-12-01' });
    expect(res.body.total).toMatchObject({ grossPence: 267_857, contributionsPence: 41_250, netPence: 226_607 });
    expect(res.body.projectedOutturnPence).toBe(226_607 + 36_000);
  });

  it('splits the placement across the year end: 3 days in Q4 2026-27, the rest in 2027-28', async () => {
    const q4 = await get('/api/returns/quarterly?financialYear=2026-27&quarter=4').expect(200);
    expect(q4.body.total).toMatchObject({ grossPence: 36_000, commissioned: 1, activeAtEnd: 1 });
    const q1 = await get('/api/returns/quarterly?financialYear=2027-28&quarter=1').expect(200);
    expect(q1.body.total).toMatchObject({ grossPence: 1_092_000, activeAtStart: 1, financialYearToDatePence: 1_092_000 });
    const week = await get('/api/returns/weekly?weekCommencing=2027-03-29').expect(200);
    expect(week.body).toMatchObject({ financialYear: '2027-28', total: { grossPence: 84_000, financialYearToDatePence: 48_000 } });
  });

  it('answers the same for the same asAt after more is recorded', async () => {
    const asAt = '2026-11-28T00:00:00Z';
    const before = (await get(`/api/returns/monthly?financialYear=2026-27&period=8&asAt=${asAt}`).expect(200)).body;
    t.clock.set('2026-11-30T10:00:00Z');
    const finance = await t.token(['finance']);
    await t.http.put('/api/budgets/2026-27/CC-IFA').set('Authorization', `Bearer ${finance}`).send({ amountPence: 6_000_000, reason: 'Virement' }).expect(200);
    const after = (await get(`/api/returns/monthly?financialYear=2026-27&period=8&asAt=${asAt}`).expect(200)).body;
    expect(after).toEqual(before);
  });

  it('gives the return as CSV in pence', async () => {
    const res = await get('/api/returns/weekly?weekCommencing=2026-11-16&format=csv&asAt=2026-11-28T00:00:00Z').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.text.split('\r\n')[1]).toMatch(/^weekly,2026-11-16,2026-11-23,2026-11-28T00:00:00.000Z,total,all,60000,15000,45000,226607,3362192,-3135585,1,0,1,0$/);
  });

  it('gives the same figures as an XLSX workbook', async () => {
    const res = await get('/api/returns/monthly?financialYear=2026-27&period=8&format=xlsx&asAt=2026-11-28T00:00:00Z')
      .buffer(true).parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('Figures')!;
    expect(sheet.getRow(3).values).toEqual([undefined, 'total', 'all', 267_857, 41_250, 226_607, 226_607, 3_476_164, -3_249_557, 0, 1, 1, 0]); // £52,000 × 244 / 365 days
    expect(workbook.getWorksheet('Movements')!.rowCount).toBe(1 + 4);
  });

  it.each([
    ['a week that does not start on a Monday', '/api/returns/weekly?weekCommencing=2026-11-17', 'weekCommencing'],
    ['a period 13', '/api/returns/monthly?financialYear=2026-27&period=13', 'period'],
    ['an impossible financial year', '/api/returns/quarterly?financialYear=2026-28&quarter=1', 'financialYear'],
    ['an asAt that is not an instant', '/api/returns/weekly?weekCommencing=2026-11-16&asAt=yesterday', 'asAt'],
  ])('refuses %s with 400 naming the field', async (_, path, field) => {
    const res = await get(path).expect(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});

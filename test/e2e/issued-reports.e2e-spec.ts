import { startTestApp, type TestApp } from '../support/test-app';
import { recordWorkedExample } from '../support/worked-example';

describe('issuing the weekly report and keeping it as issued', () => {
  let t: TestApp;
  let ids: { a: string; b: string };
  const as = async (role: 'scheduler' | 'manager' | 'commissioner') => ({ Authorization: `Bearer ${await t.token([role])}` });

  beforeAll(async () => {
    t = await startTestApp('embedded');
    ids = await recordWorkedExample(t); // the clock stands at Friday 27 November 2026
  });
  afterAll(() => t.close());

  it('issues the week just ended once; a repeat answers with the same report', async () => {
    const first = await t.http.post('/api/jobs/weekly-report').set(await as('scheduler')).expect(200);
    expect(first.body).toMatchObject({ weekCommencing: '2026-11-16', alreadyIssued: false, reportId: expect.any(String) });
    const again = await t.http.post('/api/jobs/weekly-report').set(await as('scheduler')).expect(200);
    expect(again.body).toEqual({ ...first.body, alreadyIssued: true });
  });

  it('lists it and gives it back with the figures the returns API gives', async () => {
    const list = await t.http.get('/api/reports/issued').set(await as('manager')).expect(200);
    expect(list.body.reports).toEqual([expect.objectContaining({ weekCommencing: '2026-11-16', asAt: '2026-11-27T10:00:00.000Z' })]);
    const issued = await t.http.get(`${list.body.reports[0].href}?format=json`).set(await as('manager')).expect(200);
    const week = await t.http.get('/api/returns/weekly?weekCommencing=2026-11-16').set(await as('manager')).expect(200);
    expect(issued.body.report.headline.spendToDatePence).toBe(week.body.total.financialYearToDatePence);
    expect(issued.body.report.week.total).toEqual(week.body.total);
    const html = await t.http.get(list.body.reports[0].href).set(await as('manager')).expect(200);
    expect(html.text).toContain(`issued 2026-11-27T10:00:00.000Z (${list.body.reports[0].reportId})`);
  });

  it('shows next week what moved since, and keeps the earlier report unchanged', async () => {
    const list = await t.http.get('/api/reports/issued').set(await as('manager')).expect(200);
    const before = (await t.http.get(`${list.body.reports[0].href}?format=json`).set(await as('manager')).expect(200)).body;
    t.clock.set('2026-12-01T10:00:00Z');
    await t.http.post(`/api/placements/${ids.b}/rate-changes`).set(await as('commissioner'))
      .send({ effectiveFrom: '2027-03-29', weeklyRatePence: 98_000, reason: 'Specialist support added' }).expect(201);
    const second = await t.http.post('/api/jobs/weekly-report').set(await as('scheduler')).expect(200);
    expect(second.body).toMatchObject({ weekCommencing: '2026-11-23', alreadyIssued: false });
    const report = (await t.http.get(`/api/reports/issued/${second.body.reportId}?format=json`).set(await as('manager')).expect(200)).body.report;
    // B's three days in March now cost £980 a week instead of £840: 42,000p − 36,000p.
    expect(report.movementSinceLastReport.byCause.rateChanges).toBe(6_000);
    expect(report.movementSinceLastReport.after.projectedOutturnPence - report.movementSinceLastReport.before.projectedOutturnPence).toBe(6_000);
    const unchanged = (await t.http.get(`${list.body.reports[0].href}?format=json`).set(await as('manager')).expect(200)).body;
    expect(unchanged).toEqual(before);
    const all = await t.http.get('/api/reports/issued').set(await as('manager')).expect(200);
    expect(all.body.reports.map((r: { weekCommencing: string }) => r.weekCommencing)).toEqual(['2026-11-23', '2026-11-16']);
  });

  it('answers 404 for a report never issued, and refuses issuing to a commissioner', async () => {
    await t.http.get('/api/reports/issued/nope').set(await as('manager')).expect(404);
    await t.http.post('/api/jobs/weekly-report').set(await as('commissioner')).expect(403);
  });
});

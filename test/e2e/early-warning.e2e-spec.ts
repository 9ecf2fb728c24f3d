import { commissionBody, noInHouseOption, requestBody } from '../support/placement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

interface Notification { kind: string; subject: string; body: string; recipientId: string }

/**
 * Early warning, worked out by hand. CC-IFA's 2026-27 budget is £40,000. A runs at £1,400 a week from
 * Monday 23 November: as of 30 November, 122 days to 1 April, and 7 days spent: £25,800 continuing, green.
 * On 30 November B is commissioned at £1,050 a week from that day: 105,000 × 122 / 7 = £18,300 more, so
 * £44,100 against £40,000: £4,100 over, past 5% of the budget (£2,000): red. Finance and the head of
 * service are told once, with the cause: new commissions, £18,300.
 */
describe('early warning of a cost centre’s projected outturn', () => {
  let t: TestApp;
  const as = async (roles: ('commissioner' | 'finance' | 'scheduler' | 'manager')[], sub?: string) => ({ Authorization: `Bearer ${await t.token(roles, sub)}` });
  const notificationsOf = async (sub: string, role: 'finance' | 'manager') =>
    ((await t.http.get('/api/notifications').set(await as([role], sub)).expect(200)).body.notifications as Notification[]).filter((n) => n.kind === 'early-warning');
  const issue = async () => (await t.http.post('/api/jobs/weekly-report').set(await as(['scheduler'])).expect(200)).body as { reportId: string; alreadyIssued: boolean };
  const commission = async (childRef: string, startDate: string, weeklyRatePence: number) => {
    const headers = await as(['commissioner']);
    const id = (await t.http.post('/api/placements').set(headers).send(requestBody({ childRef, requiredFrom: startDate })).expect(201)).body.placementId as string;
    await t.http.post(`/api/placements/${id}/in-house-searches`).set(headers).send(noInHouseOption(startDate)).expect(201);
    await t.http.post(`/api/placements/${id}/commission`).set(headers).send(commissionBody({ weeklyRatePence, startDate })).expect(201);
  };

  beforeAll(async () => {
    t = await startTestApp('embedded', '2026-11-23T10:00:00Z');
    await t.http.put('/api/budgets/2026-27/CC-IFA').set(await as(['finance'])).send({ amountPence: 4_000_000, reason: 'Budget' }).expect(200);
    await commission('LAC-EW00A', '2026-11-23', 140_000);
    await issue(); // week of 16 November: the first report, with nothing to compare against
    t.clock.set('2026-11-30T10:00:00Z');
    await commission('LAC-EW00B', '2026-11-30', 105_000);
  });
  afterAll(() => t.close());

  it('puts the crossing in the week’s report, with its cause', async () => {
    const { reportId } = await issue();
    const report = (await t.http.get(`/api/reports/issued/${reportId}?format=json`).set(await as(['manager'])).expect(200)).body.report;
    expect(report.earlyWarnings).toEqual([expect.objectContaining({
      costCentre: 'CC-IFA', budgetPence: 4_000_000, movedPence: 1_830_000, reasons: ['rag'],
      before: expect.objectContaining({ outturnPence: 2_580_000, rag: 'green' }), after: expect.objectContaining({ outturnPence: 4_410_000, rag: 'red' }),
      causes: { newCommissions: 1_830_000, ends: 0, extensions: 0, rateChanges: 0, jointFunding: 0, backdatedCorrections: 0 },
    })]);
  });

  it('shows the warning and the range on the issued report’s page', async () => {
    const list = (await t.http.get('/api/reports/issued').set(await as(['manager'])).expect(200)).body.reports as { href: string; weekCommencing: string }[];
    const html = (await t.http.get(list.find((r) => r.weekCommencing === '2026-11-23')!.href).set(await as(['manager'])).expect(200)).text;
    expect(html).toContain('data-warning="CC-IFA"');
    expect(html).toMatch(/P10 <span class="money" data-figure="range.p10Pence"/);
  });

  it('tells finance and the head of service once', async () => {
    for (const [sub, role] of [['finance-dana', 'finance'], ['manager-eve', 'manager']] as const) {
      const warnings = await notificationsOf(sub, role);
      expect(warnings).toHaveLength(1);
      expect(warnings[0].subject).toBe('Early warning: CC-IFA projected outturn now red (was green)');
      expect(warnings[0].body).toContain('from £25,800.00 (green) to £44,100.00 (red) against a budget of £40,000.00');
      expect(warnings[0].body).toContain('newCommissions £18,300.00');
    }
    expect(await issue()).toMatchObject({ alreadyIssued: true });
    expect(await notificationsOf('finance-dana', 'finance')).toHaveLength(1);
  });

  it('says nothing the next week when nothing has moved: once per crossing', async () => {
    t.clock.set('2026-12-07T10:00:00Z');
    const { reportId } = await issue();
    const report = (await t.http.get(`/api/reports/issued/${reportId}?format=json`).set(await as(['manager'])).expect(200)).body.report;
    expect(report.earlyWarnings).toEqual([]);
    expect(await notificationsOf('finance-dana', 'finance')).toHaveLength(1);
  });

  it('warns on a large move without a crossing, past the configured amount', async () => {
    // A £5,000 a week placement from Tuesday 8 December adds 114 days: 500,000 × 114 / 7 = £81,428.57, past £50,000; CC-IFA stays red.
    t.clock.set('2026-12-08T10:00:00Z');
    await commission('LAC-EW00C', '2026-12-08', 500_000);
    t.clock.set('2026-12-14T10:00:00Z');
    const { reportId } = await issue();
    const report = (await t.http.get(`/api/reports/issued/${reportId}?format=json`).set(await as(['manager'])).expect(200)).body.report;
    expect(report.earlyWarnings).toEqual([expect.objectContaining({ costCentre: 'CC-IFA', reasons: ['movement'], movedPence: 8_142_857 })]);
    expect(await notificationsOf('manager-eve', 'manager')).toHaveLength(2);
  });
});

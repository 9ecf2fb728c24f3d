import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { WeeklyReport } from '@ledger/reporting';
import { pdfText } from '../support/pdf-text';
import { commissionBody, noInHouseOption, requestBody } from '../support/placement-fixtures';
import { expectAccessible, screenshot, startWebTestApp, type WebTestApp } from '../support/web';
import { recordWorkedExample } from '../support/worked-example';

/** A figure on a report page, as the exact pence it carries. */
const pence = async (page: Page, name: string) => Number(await page.locator(`[data-figure="${name}"]`).first().getAttribute('data-pence'));
const HEADLINE = ['budgetPence', 'spendToDatePence', 'budgetToDatePence'] as const;
const SCENARIOS = ['committed', 'continuing', 'trend'] as const;

async function expectFiguresOf(page: Page, report: WeeklyReport): Promise<void> {
  for (const name of HEADLINE) expect(await pence(page, name)).toBe(report.headline[name]);
  for (const name of SCENARIOS) {
    expect(await pence(page, `${name}.projectedOutturnPence`)).toBe(report.headline.scenarios[name].projectedOutturnPence);
    expect(await pence(page, `${name}.variancePence`)).toBe(report.headline.scenarios[name].variancePence);
    await expect(page.locator(`[data-rag="${name}"]`).textContent()).resolves.toBe(report.headline.scenarios[name].rag.toUpperCase());
  }
  expect(await pence(page, 'week.netPence')).toBe(report.week.total.netPence);
}

describe('the reports, jobs and notifications pages in headless Chromium', () => {
  let t: WebTestApp;
  let reviewDue: string;
  let reportId: string;
  const bearer = async (role: 'scheduler' | 'manager' | 'commissioner', sub?: string) => ({ Authorization: `Bearer ${await t.token([role], sub)}` });

  beforeAll(async () => {
    t = await startWebTestApp('embedded');
    await recordWorkedExample(t); // the clock stands at Friday 27 November 2026
    // Amrit's placement from 2 November: its first term ends on 30 November, so its review is due.
    const amrit = await bearer('commissioner', 'commissioner-amrit');
    reviewDue = (await t.http.post('/api/placements').set(amrit).send(requestBody({ childRef: 'LAC-R3V13', requiredFrom: '2026-11-02' })).expect(201)).body.placementId;
    await t.http.post(`/api/placements/${reviewDue}/in-house-searches`).set(amrit).send(noInHouseOption('2026-10-30')).expect(201);
    await t.http.post(`/api/placements/${reviewDue}/commission`).set(amrit).send(commissionBody({ weeklyRatePence: 90_000, startDate: '2026-11-02' })).expect(201);
    reportId = (await t.http.post('/api/jobs/weekly-report').set(await bearer('scheduler')).expect(200)).body.reportId;
  });
  afterAll(() => t.close());

  it('lists the issued reports and opens one as issued, with its PDF and XLSX through the session', async () => {
    const { context, page } = await t.signedIn('manager-eve');
    await page.goto(`${t.base}/reports`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Weekly reports');
    await expect(page.locator('[data-issued-reports] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-report-id')))).resolves.toEqual([reportId]);
    await expectAccessible(page);
    await screenshot(page, 'reports');

    await page.getByRole('link', { name: '16 November 2026', exact: true }).click();
    await page.waitForURL(`**/reports/issued/${reportId}`);
    const issued = (await t.http.get(`/api/reports/issued/${reportId}?format=json`).set(await bearer('manager')).expect(200)).body as { issuedAt: string; report: WeeklyReport };
    await expect(page.title()).resolves.toBe('Weekly report as issued, week commencing 16 November 2026 – Placement ledger');
    await expectFiguresOf(page, issued.report);
    await expect(page.locator('main').textContent()).resolves.toContain(`(report ${reportId})`);
    await expectAccessible(page);

    const pdf = await page.request.get(`${t.base}${await page.getByRole('link', { name: /as a PDF/ }).getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = pdfText(Buffer.from(await pdf.body()));
    expect(text).toContain('External placements budget: weekly report');
    expect(text).toContain(`Spend to date (net): ${await page.locator('[data-figure="spendToDatePence"]').first().textContent()}`);
    expect(text).toMatch(new RegExp(`issued\\s+${issued.issuedAt.replace(/\./g, '\\.')}`));

    const xlsx = await page.request.get(`${t.base}${await page.getByRole('link', { name: /spreadsheet/ }).getAttribute('href')}`);
    expect(xlsx.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await xlsx.body()).buffer);
    const figures = new Map<string, unknown>();
    workbook.getWorksheet('Headline')!.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(figures.get('spendToDatePence')).toBe(issued.report.headline.spendToDatePence);
    expect(String(workbook.getWorksheet('Headline')!.getCell('A1').value)).toContain(reportId);

    await expect(page.goto(`${t.base}/reports/issued/not-a-report`).then((r) => r?.status())).resolves.toBe(404);
    await expectAccessible(page);
    await context.close();
  });

  it('shows last week’s report with the API’s figures, an accessible chart and its data table', async () => {
    const { context, page } = await t.signedIn('finance-dana');
    const refusedByPolicy: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refusedByPolicy.push(message.text());
    });
    await page.goto(`${t.base}/reports/weekly`);
    await expect(page.title()).resolves.toBe('Weekly report, week commencing 16 November 2026 – Placement ledger');
    const report = (await t.http.get('/api/reports/weekly?weekCommencing=2026-11-16&format=json').set(await bearer('manager')).expect(200)).body as WeeklyReport;
    await expectFiguresOf(page, report);

    const chart = page.getByRole('img', { name: /Cumulative net spend in 2026-27/ });
    await expect(chart.count()).resolves.toBe(1);
    await expect(chart.locator('desc').textContent()).resolves.toContain(`Net spend to the end of the week is ${await page.locator('[data-figure="spendToDatePence"]').first().textContent()}`);
    for (const series of ['actual', 'budget', 'forecast-range']) expect((await chart.locator(`[data-series="${series}"]`).boundingBox())?.width).toBeGreaterThan(50);
    await expect(page.locator('[data-chart-table] tbody tr').count()).resolves.toBe(report.chart.length);
    await expectAccessible(page);
    await screenshot(page, 'weekly-report');
    await page.getByText('The chart’s figures as a table').click();
    await expectAccessible(page);
    expect(refusedByPolicy).toEqual([]);

    const pdf = await page.request.get(`${t.base}${await page.getByRole('link', { name: /as a PDF/ }).getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdfText(Buffer.from(await pdf.body()))).toContain(`figures as known at ${report.asAt}`);
    const xlsx = await page.request.get(`${t.base}${await page.getByRole('link', { name: /spreadsheet/ }).getAttribute('href')}`);
    expect(xlsx.headers()['content-disposition']).toContain('weekly-report-2026-11-16.xlsx');

    const tuesday = await page.goto(`${t.base}/reports/weekly?weekCommencing=2026-11-17`);
    expect(tuesday?.status()).toBe(400);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter a Monday');
    await expectAccessible(page);
    await context.close();
  });

  it('shows the admin that this process runs no scheduler, and runs the renewal sweep with a banner of what it flagged', async () => {
    const { context, page } = await t.signedIn('admin-sam');
    await page.goto(`${t.base}/jobs`);
    await expect(page.locator('[data-no-scheduler]').textContent()).resolves.toContain('This process runs no scheduled jobs');
    await expectAccessible(page);
    const before = await t.eventCount();
    await Promise.all([page.waitForURL(`${t.base}/jobs`), page.getByRole('button', { name: 'Run the renewal sweep now' }).click()]);
    const banner = page.locator('.govuk-notification-banner--success');
    await expect(banner.locator('h3').textContent()).resolves.toBe('Renewal sweep run: 1 flagged');
    await expect(banner.textContent()).resolves.toContain('LAC-R3V13: review due, term ends 30 November 2026');
    expect(await t.eventCount()).toBe(before + 1);
    await expectAccessible(page);
    await screenshot(page, 'jobs');

    await Promise.all([page.waitForURL(`${t.base}/jobs`), page.getByRole('button', { name: 'Run the renewal sweep now' }).click()]);
    await expect(banner.locator('h3').textContent()).resolves.toBe('Renewal sweep run: nothing new flagged');
    expect(await t.eventCount()).toBe(before + 1);
    await context.close();
  });

  it('shows the commissioner their review notifications, how each went, and links to the placement', async () => {
    const api = (await t.http.get('/api/notifications').set(await bearer('commissioner', 'commissioner-amrit')).expect(200)).body as { notifications: { notificationId: string; subject: string }[] };
    expect(api.notifications).toHaveLength(1);
    const { context, page } = await t.signedIn('commissioner-amrit');
    await page.goto(`${t.base}/notifications`);
    const items = page.locator('[data-notification]');
    await expect(items.evaluateAll((list) => list.map((li) => li.getAttribute('data-notification')))).resolves.toEqual(api.notifications.map((n) => n.notificationId));
    await expect(items.first().locator('h2').textContent()).resolves.toContain(api.notifications[0].subject);
    await expect(items.first().locator('[data-delivery]').textContent()).resolves.toBe('Sent to the service log (no e-mail is set up)');
    await expect(items.first().getByRole('link').getAttribute('href')).resolves.toBe(`/placements/${reviewDue}`);
    await expectAccessible(page);
    await screenshot(page, 'notifications');
    await context.close();

    const others = await t.signedIn('commissioner-bea');
    await others.page.goto(`${t.base}/notifications`);
    await expect(others.page.locator('main').textContent()).resolves.toContain('You have no notifications');
    await expectAccessible(others.page);
    await others.context.close();
  });
});

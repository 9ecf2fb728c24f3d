import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { expectAccessible, screenshot, startWebTestApp, type WebTestApp } from '../support/web';
import { recordWorkedExample } from '../support/worked-example';

interface Figures { readonly [key: string]: number | null }
interface ReturnBody {
  readonly asAt: string;
  readonly total: Figures;
  readonly costCentres: Record<string, Figures>;
  readonly placementTypes: Record<string, Figures>;
  readonly projectedOutturnPence?: number;
}

const MONEY = ['grossPence', 'contributionsPence', 'netPence', 'financialYearToDatePence', 'budgetToDatePence', 'variancePence'];
const COUNTS = ['activeAtStart', 'commissioned', 'ended', 'activeAtEnd'];
const SCENARIOS = ['committed', 'continuing', 'trend'];

/** Every figure the page marks up, as `data-figure` → its `data-pence` (or `data-count`, or text). */
async function figuresOn(page: Page): Promise<Record<string, string>> {
  const pairs = await page.$$eval('[data-figure]', (els) => els.map((el) => [
    el.getAttribute('data-figure') ?? '', el.getAttribute('data-pence') ?? el.getAttribute('data-count') ?? (el.textContent ?? '').trim(),
  ]));
  return Object.fromEntries(pairs);
}

/** What a return page should mark up, from the JSON API's return. */
function expectedReturnFigures(body: ReturnBody): Record<string, string> {
  const groups: [string, string, Figures][] = [
    ['total', 'all', body.total],
    ...Object.entries(body.costCentres).map(([key, f]): [string, string, Figures] => ['costCentre', key, f]),
    ...Object.entries(body.placementTypes).map(([key, f]): [string, string, Figures] => ['placementType', key, f]),
  ];
  const expected: Record<string, string> = {};
  for (const [grouping, key, figures] of groups) {
    for (const column of [...MONEY, ...COUNTS]) expected[`${grouping}.${key}.${column}`] = figures[column] === null ? '' : String(figures[column]);
  }
  if (body.projectedOutturnPence !== undefined) expected.projectedOutturnPence = String(body.projectedOutturnPence);
  return expected;
}

function csvRows(text: string): string[][] {
  return text.trim().split('\r\n').map((line) => line.split(','));
}

describe('the finance pages in headless Chromium, on the worked example', () => {
  let t: WebTestApp;
  let page: Page;
  let bearer: string;
  const api = async (path: string) => (await t.http.get(path).set('Authorization', `Bearer ${bearer}`).expect(200)).body;
  const apiText = async (path: string) => (await t.http.get(path).set('Authorization', `Bearer ${bearer}`).buffer(true).expect(200)).text;
  const budgetEvents = async () => (await t.runtime.eventStore.readStream('budget-2026-27')).events;

  beforeAll(async () => {
    t = await startWebTestApp('embedded');
    await recordWorkedExample(t);
    t.clock.set('2026-11-27T11:00:00Z');
    bearer = await t.token(['finance']);
    ({ page } = await t.signedIn('finance-dana'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sets and adjusts a budget typed in pounds, recorded in pence by the signed-in finance officer', async () => {
    await page.goto(`${t.base}/budgets`);
    expect(new URL(page.url()).pathname).toBe('/budgets/2026-27');
    await expectAccessible(page);
    const before = (await budgetEvents()).length;

    await page.fill('#costCentre', 'CC-RES');
    await page.fill('#amount', '£52,000');
    await page.fill('#reason', 'Residential budget approved by Cabinet');
    await Promise.all([page.waitForURL(`${t.base}/budgets/2026-27`), page.getByRole('button', { name: 'Save budget' }).click()]);
    await expect(page.locator('.govuk-notification-banner__heading').textContent()).resolves.toBe('Budget set');
    let events = await budgetEvents();
    expect(events).toHaveLength(before + 1);
    expect(events[before]).toMatchObject({
      type: 'BudgetSet', data: { financialYear: '2026-27', costCentre: 'CC-RES', amountPence: 5_200_000, reason: 'Residential budget approved by Cabinet' },
      metadata: { actorId: 'finance-dana', actorRole: 'finance', recordedAt: '2026-11-27T11:00:00.000Z' },
    });
    await expectAccessible(page);

    t.clock.set('2026-11-27T11:05:00Z');
    await page.fill('#costCentre', 'CC-RES');
    await page.fill('#amount', '55,250.50');
    await page.fill('#reason', 'Two more residential beds agreed');
    await Promise.all([page.waitForURL(`${t.base}/budgets/2026-27`), page.getByRole('button', { name: 'Save budget' }).click()]);
    await expect(page.locator('.govuk-notification-banner__heading').textContent()).resolves.toBe('Budget adjusted');
    events = await budgetEvents();
    expect(events[before + 1]).toMatchObject({
      type: 'BudgetAdjusted', data: { costCentre: 'CC-RES', amountPence: 5_525_050, previousAmountPence: 5_200_000 },
      metadata: { actorId: 'finance-dana', actorRole: 'finance' },
    });
    const figures = await figuresOn(page);
    expect(figures['CC-RES.amountPence']).toBe('5525050');
    expect(figures.totalPence).toBe(String((await api('/api/budgets/2026-27')).totalPence));
    await expect(page.locator('[data-table="history-CC-RES"] tbody tr').first().textContent()).resolves.toMatch(/Dana Okafor[\s\S]*Adjusted from £52,000\.00[\s\S]*£55,250\.50[\s\S]*Two more residential beds agreed/);
    await expectAccessible(page);
    await screenshot(page, 'budgets');
  });

  it('refuses a budget with a bad amount, keeps what was typed and records nothing', async () => {
    const before = await t.eventCount();
    await page.fill('#costCentre', 'CC-RES');
    await page.fill('#amount', '£60,000.125');
    await page.fill('#reason', 'A typing slip');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/budgets/2026-27')),
      page.getByRole('button', { name: 'Save budget' }).click(),
    ]);
    expect(response.status()).toBe(400);
    await page.waitForLoadState();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('no more than 2 decimal places');
    await expect(page.inputValue('#amount')).resolves.toBe('£60,000.125');
    await expect(page.inputValue('#reason')).resolves.toBe('A typing slip');
    await expect(page.title()).resolves.toMatch(/^Error: /);
    await expectAccessible(page);
    expect(await t.eventCount()).toBe(before);
  });

  it('shows the dashboard with the forecast API’s figures, RAG in words, and the chart with its table', async () => {
    await page.goto(`${t.base}/finance`);
    const forecast = await api('/api/forecast?financialYear=2026-27');
    const figures = await figuresOn(page);
    for (const cc of [...Object.keys(forecast.scenarios.continuing.costCentres), 'total']) {
      for (const scenario of SCENARIOS) {
        const expected = cc === 'total' ? forecast.scenarios[scenario] : forecast.scenarios[scenario].costCentres[cc];
        expect(figures[`${cc}.${scenario}.projectedOutturnPence`]).toBe(String(expected.projectedOutturnPence));
        expect(figures[`${cc}.${scenario}.variancePence`]).toBe(String(expected.variancePence));
        await expect(page.locator(`[data-rag="${cc}.${scenario}"]`).getAttribute('data-rag-value')).resolves.toBe(expected.rag);
        await expect(page.locator(`[data-rag="${cc}.${scenario}"]`).textContent()).resolves.toMatch(/^(Red|Amber|Green): /);
      }
      const row = cc === 'total' ? forecast.scenarios.continuing : forecast.scenarios.continuing.costCentres[cc];
      if (cc === 'total') {
        for (const scenario of SCENARIOS) {
          expect(figures[`${scenario}.projectedOutturnPence`]).toBe(String(forecast.scenarios[scenario].projectedOutturnPence));
          await expect(page.locator(`[data-rag="${scenario}"]`).getAttribute('data-rag-value')).resolves.toBe(forecast.scenarios[scenario].rag);
        }
      }
      expect(figures[`${cc}.budgetPence`]).toBe(String(row.budgetPence));
      expect(figures[`${cc}.actualToDatePence`]).toBe(String(row.actualToDatePence));
    }
    expect(figures.budgetPence).toBe('10725050');
    await expect(page.locator('[data-figure="budgetPence"]').textContent()).resolves.toBe('£107,250.50');
    expect(figures.actualToDatePence).toBe(String(forecast.scenarios.continuing.actualToDatePence));

    const chart = page.locator('svg[data-chart="cumulative-spend"]');
    await expect(chart.getAttribute('role')).resolves.toBe('img');
    await expect(chart.locator('title').textContent()).resolves.toContain('Cumulative net spend');
    await expect(chart.locator('desc').textContent()).resolves.toMatch(/Actual net spend to 22 November 2026 is £[\d,]+\.\d\d/);
    for (const series of ['actual', 'budget', 'forecast-range']) expect((await chart.locator(`[data-series="${series}"]`).boundingBox())?.width).toBeGreaterThan(50);
    const points = (await chart.locator('[data-series="actual"]').getAttribute('points'))?.trim().split(/\s+/) ?? [];
    expect(points.length).toBeGreaterThan(30);
    await page.locator('summary', { hasText: 'The chart’s figures as a table' }).click();
    expect(await page.locator('[data-table="chart"] tbody tr').count()).toBeGreaterThan(52);
    // The range, and what it was simulated from, as the API gives them.
    for (const cc of [...Object.keys(forecast.range.costCentres), 'total']) {
      const r = cc === 'total' ? forecast.range : forecast.range.costCentres[cc];
      for (const p of ['p10Pence', 'p50Pence', 'p90Pence']) expect(figures[`range.${cc}.${p}`]).toBe(String(r[p]));
    }
    await page.locator('summary', { hasText: 'What the range was simulated from' }).click();
    await expect(page.locator('[data-table="range-durations"] tbody tr').count()).resolves.toBe(forecast.range.model.durations.length);
    await expect(page.locator('[data-figure="range.model.annualRateDriftBasisPoints"]').textContent())
      .resolves.toContain(`${forecast.range.model.annualRateDriftBasisPoints / 100}% a year`);
    await expectAccessible(page);
    await screenshot(page, 'finance-dashboard');
  });

  it('shows a weekly return as the API gives it, as known now and as known earlier, and downloads exactly those figures', async () => {
    await page.goto(`${t.base}/returns/weekly`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Week commencing 23 November 2026');
    await page.getByRole('link', { name: /Previous/ }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Week commencing 16 November 2026');
    const asAt = (await page.locator('[data-as-at]').getAttribute('data-as-at')) ?? '';
    expect(asAt).toBe('2026-11-27T11:05:00.000Z');
    const week = await api(`/api/returns/weekly?weekCommencing=2026-11-16&asAt=${asAt}`);
    expect(await figuresOn(page)).toMatchObject(expectedReturnFigures(week));
    expect(week.total.netPence).toBe(45_000);
    await expect(page.locator('[data-figure="total.all.netPence"]').textContent()).resolves.toBe('£450.00');
    await expect(page.locator('[data-movement="ended"]').count()).resolves.toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'weekly-return');

    // The clock moves on before the downloads: they keep the page's asAt, not the time of the click.
    t.clock.set('2026-11-27T12:00:00Z');
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="csv"]')]);
    const csv = fs.readFileSync(await csvDownload.path(), 'utf8');
    expect(csv).toBe(await apiText(`/api/returns/weekly?weekCommencing=2026-11-16&asAt=${asAt}&format=csv`));
    const [header, total] = csvRows(csv);
    expect(total[header.indexOf('netPence')]).toBe(String(week.total.netPence));
    expect(total[header.indexOf('asAt')]).toBe(asAt);

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="xlsx"]')]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsxDownload.path());
    const sheet = workbook.getWorksheet('Figures');
    const heading = (sheet?.getRow(2).values as unknown[]).slice(1);
    const rows: Record<string, unknown[]> = {};
    sheet?.eachRow((row, n) => { if (n > 2) rows[`${String(row.getCell(1).value)}.${String(row.getCell(2).value)}`] = (row.values as unknown[]).slice(1); });
    for (const [key, figures] of [['total.all', week.total], ...Object.entries(week.costCentres).map(([k, f]) => [`costCentre.${k}`, f])] as [string, Figures][]) {
      for (const column of [...MONEY, ...COUNTS]) expect(rows[key][heading.indexOf(column)] ?? null).toBe(figures[column]);
    }

    // As known at noon on 20 November: before the end of A on that day was recorded (late, on 27 November).
    await page.fill('#asAt-day', '20');
    await page.fill('#asAt-month', '11');
    await page.fill('#asAt-year', '2026');
    await page.fill('#asAt-time', '12:00');
    await page.getByRole('button', { name: 'Show return' }).click();
    await expect(page.locator('[data-as-at]').getAttribute('data-as-at')).resolves.toBe('2026-11-20T12:00:00.000Z');
    const earlier = await api('/api/returns/weekly?weekCommencing=2026-11-16&asAt=2026-11-20T12:00:00.000Z');
    expect(await figuresOn(page)).toMatchObject(expectedReturnFigures(earlier));
    expect(earlier.total.netPence).not.toBe(week.total.netPence);
    await expect(page.title()).resolves.toContain('as known at 20 November 2026, 12:00pm');
    const [earlierCsv] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="csv"]')]);
    expect(fs.readFileSync(await earlierCsv.path(), 'utf8')).toBe(await apiText('/api/returns/weekly?weekCommencing=2026-11-16&asAt=2026-11-20T12:00:00.000Z&format=csv'));
    await expect(page.getByRole('link', { name: /Next/ }).getAttribute('href')).resolves.toContain('asAt=2026-11-20T12%3A00%3A00.000Z');
    await expectAccessible(page);
  });

  it('shows the monthly and quarterly returns as the API gives them', async () => {
    await page.goto(`${t.base}/returns/monthly`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Period 8 (November 2026), 2026-27');
    const asAt = (await page.locator('[data-as-at]').getAttribute('data-as-at')) ?? '';
    const month = await api(`/api/returns/monthly?financialYear=2026-27&period=8&asAt=${asAt}`);
    expect(await figuresOn(page)).toMatchObject(expectedReturnFigures(month));
    expect(month.costCentres['CC-RES'].budgetToDatePence).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'monthly-return');

    await page.getByRole('link', { name: 'Quarterly' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Quarter 3 (1 October 2026 to 31 December 2026), 2026-27');
    const quarterAsAt = (await page.locator('[data-as-at]').getAttribute('data-as-at')) ?? '';
    const quarter = await api(`/api/returns/quarterly?financialYear=2026-27&quarter=3&asAt=${quarterAsAt}`);
    expect(await figuresOn(page)).toMatchObject(expectedReturnFigures(quarter));
    await expectAccessible(page);
  });

  it('shows bad return parameters as an error summary with status 400, never a 500', async () => {
    for (const [path, message] of [
      ['/returns/weekly?weekCommencing=2026-11-17', 'must be a Monday'],
      ['/returns/monthly?financialYear=2026-27&period=13', 'from 1 to 12'],
      ['/returns/quarterly?financialYear=2026-28&quarter=2', 'written like 2026-27'],
      ['/returns/weekly?weekCommencing=2026-11-16&asAt=yesterday', 'date and time'],
    ]) {
      const response = await page.goto(`${t.base}${path}`);
      expect(response?.status()).toBe(400);
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(message);
      await expectAccessible(page);
    }
  });

  it('shows the forecast movement by cause as the API gives it', async () => {
    await page.goto(`${t.base}/forecast/movement`);
    const from = (await page.locator('[data-from]').getAttribute('data-from')) ?? '';
    const to = (await page.locator('[data-to]').getAttribute('data-to')) ?? '';
    expect([from, to]).toEqual(['2026-11-20T12:00:00.000Z', '2026-11-27T12:00:00.000Z']);
    const movement = await api(`/api/forecast/movement?financialYear=2026-27&from=${from}&to=${to}`);
    const figures = await figuresOn(page);
    for (const [cause, delta] of Object.entries(movement.byCause as Record<string, number>)) expect(figures[`byCause.${cause}`]).toBe(String(delta));
    expect(figures['after.projectedOutturnPence']).toBe(String(movement.after.projectedOutturnPence));
    expect(figures.budgetChangePence).toBe(String(movement.budgetChangePence));
    expect(movement.byCause.backdatedCorrections).toBeLessThan(0);
    expect(movement.byCause.newCommissions).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'forecast-movement');
  });

  it('shows the in-house-first compliance report for the year to date as the API gives it', async () => {
    await page.goto(`${t.base}/compliance`);
    const report = await api('/api/compliance/in-house-first?from=2026-04-01&to=2026-11-28');
    const figures = await figuresOn(page);
    expect(figures['commissions.external']).toBe(String(report.commissions.external));
    expect(figures['commissions.withPriorSearch']).toBe(String(report.commissions.withPriorSearch));
    expect(figures['requests.metExternally']).toBe(String(report.requests.metExternally));
    expect(figures['reviews.onTime']).toBe(String(report.reviews.onTime));
    expect(figures['reviews.overdue']).toBe(String(report.reviews.overdue));
    expect(figures.providersBelowGood).toBe(String(report.providersBelowGood.length));
    await expectAccessible(page);
    await screenshot(page, 'compliance');
  });

  it('lets a commissioner read the budgets but not post the budget form: a 403 page and nothing recorded', async () => {
    const { context, page: commissioner } = await t.signedIn('commissioner-amrit');
    await commissioner.goto(`${t.base}/budgets/2026-27`);
    await expect(commissioner.locator('form[action="/budgets/2026-27"]').count()).resolves.toBe(0);
    await expectAccessible(commissioner);
    // A valid CSRF token from a form the commissioner may use, so only the role can stop the post.
    await commissioner.goto(`${t.base}/placements/new`);
    const before = await t.eventCount();
    const [response] = await Promise.all([
      commissioner.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/budgets/2026-27')),
      commissioner.$eval('form[method="post"]', (form, fields) => {
        form.setAttribute('action', '/budgets/2026-27');
        for (const field of [...form.querySelectorAll('input, select, textarea')]) if (field.getAttribute('name') !== '_csrf') field.remove();
        for (const [name, value] of fields) {
          const input = form.ownerDocument.createElement('input');
          input.setAttribute('type', 'hidden');
          input.setAttribute('name', name);
          input.setAttribute('value', value);
          form.append(input);
        }
        (form as unknown as { submit(): void }).submit();
      }, [['costCentre', 'CC-IFA'], ['amount', '1'], ['reason', 'Not mine to set']]),
    ]);
    expect(response.status()).toBe(403);
    await commissioner.waitForLoadState();
    await expect(commissioner.locator('h1').textContent()).resolves.toBe('You cannot use this page');
    await expectAccessible(commissioner);
    expect(await t.eventCount()).toBe(before);
    await context.close();
  });
});

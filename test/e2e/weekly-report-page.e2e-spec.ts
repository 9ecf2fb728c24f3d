import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startTestApp, type TestApp } from '../support/test-app';
import { recordWorkedExample } from '../support/worked-example';

describe('the weekly senior-manager report page in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp('embedded');
    await recordWorkedExample(t);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    token = await t.token(['manager'], 'head-of-service');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('shows the headline figures the API gives, and draws the chart', async () => {
    const page = await browser.newPage();
    await page.setExtraHTTPHeaders({ Authorization: `Bearer ${token}` });
    const response = await page.goto(`${base}/api/reports/weekly?weekCommencing=2026-11-16`);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toContain('week commencing 2026-11-16');

    const pence = async (figure: string) => Number(await page.locator(`[data-figure="${figure}"]`).first().getAttribute('data-pence'));
    const forecast = (await t.http.get('/api/forecast?financialYear=2026-27&asOf=2026-11-23').set('Authorization', `Bearer ${token}`).expect(200)).body;
    const week = (await t.http.get('/api/returns/weekly?weekCommencing=2026-11-16').set('Authorization', `Bearer ${token}`).expect(200)).body;
    expect(await pence('spendToDatePence')).toBe(week.total.financialYearToDatePence);
    expect(await pence('spendToDatePence')).toBe(226_607);
    expect(await pence('budgetPence')).toBe(5_200_000);
    expect(await pence('week.netPence')).toBe(45_000);
    for (const scenario of ['committed', 'continuing', 'trend']) {
      expect(await pence(`${scenario}.projectedOutturnPence`)).toBe(forecast.scenarios[scenario].projectedOutturnPence);
      await expect(page.locator(`[data-rag="${scenario}"]`).textContent()).resolves.toBe(forecast.scenarios[scenario].rag.toUpperCase());
    }
    await expect(page.locator('[data-figure="spendToDatePence"]').textContent()).resolves.toBe('£2,266.07');

    // The chart: actual and budget lines and the forecast band are drawn with real extent.
    for (const series of ['actual', 'budget', 'forecast-range']) {
      const box = await page.locator(`svg.chart [data-series="${series}"]`).boundingBox();
      expect(box?.width).toBeGreaterThan(50);
    }
    const actualPoints = (await page.locator('svg.chart [data-series="actual"]').getAttribute('points'))?.trim().split(/\s+/) ?? [];
    expect(actualPoints.length).toBeGreaterThan(30);
    await page.screenshot({ path: path.join(os.tmpdir(), 'weekly-report.png'), fullPage: true });
    await page.close();
  });

  it('refuses the page without a token', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${base}/api/reports/weekly?weekCommencing=2026-11-16`);
    expect(response?.status()).toBe(401);
    await page.close();
  });
});

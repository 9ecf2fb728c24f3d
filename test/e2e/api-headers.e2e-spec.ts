import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startTestApp, type TestApp } from '../support/test-app';
import { recordWorkedExample } from '../support/worked-example';

describe('security headers on the API, the report page and the explorer', () => {
  let t: TestApp;
  let bearer: string;

  beforeAll(async () => {
    t = await startTestApp('embedded');
    await recordWorkedExample(t);
    bearer = `Bearer ${await t.token(['manager'])}`;
  });
  afterAll(() => t.close());

  const expectHardened = (headers: Record<string, string>) => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  };

  it.each([
    ['/api/placements'], ['/api/returns/weekly?weekCommencing=2026-11-16'], ['/api/returns/weekly?weekCommencing=2026-11-16&format=csv'],
    ['/api/reports/weekly?weekCommencing=2026-11-16'], ['/api/forecast?financialYear=2026-27'],
  ])('puts nosniff, no-referrer, a no-framing policy and Cache-Control: no-store on %s', async (path) => {
    const res = await t.http.get(path).set('Authorization', bearer).expect(200);
    expectHardened(res.headers);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('does so on refusals and on /health too', async () => {
    const refused = await t.http.get('/api/placements').expect(401);
    expectHardened(refused.headers);
    expect(refused.headers['cache-control']).toBe('no-store');
    const health = await t.http.get('/health').expect(200);
    expect(health.headers['cache-control']).toBe('no-store');
  });

  it('hardens the explorer at /docs, which still loads and shows the API in Chromium', async () => {
    const res = await t.http.get('/docs/').expect(200);
    expectHardened(res.headers);
    await t.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const browser: Browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
      await page.goto(`${base}/docs`);
      await page.locator('.swagger-ui .info .title').waitFor();
      await expect(page.locator('.swagger-ui .info .title').textContent()).resolves.toContain('The placement ledger');
      expect(violations.filter((v) => /script/i.test(v))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

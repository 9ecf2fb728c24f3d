import AxeBuilder from '@axe-core/playwright';
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startTestApp, type TestApp, type TestEnv } from './test-app';

/** The product listening on a loopback port, with a browser to drive it. */
export interface WebTestApp extends TestApp {
  readonly base: string;
  readonly browser: Browser;
  /** A fresh browser context (its own cookies) signed in locally as one of the demo users. */
  signedIn(userId: string): Promise<{ context: BrowserContext; page: Page }>;
}

/** `env` goes to loadConfig; `port` fixes the port, for settings that name the app's own URL (OIDC_REDIRECT_URL). */
export async function startWebTestApp(store: 'embedded' | 'postgres' = 'embedded', now?: string, options: { env?: TestEnv; port?: number } = {}): Promise<WebTestApp> {
  const t = await startTestApp(store, now, options.env);
  await t.app.listen(options.port ?? 0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    ...t,
    base,
    browser,
    signedIn: async (userId) => {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      await signInLocally(page, base, userId);
      return { context, page };
    },
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** The local sign-in of a trial: choose the user on /sign-in and press the button. */
export async function signInLocally(page: Page, base: string, userId: string, returnTo = '/'): Promise<void> {
  await page.goto(`${base}/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  await page.check(`input[name="user"][value="${userId}"]`);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.getByRole('button', { name: 'Sign in' }).click()]);
}

/** WCAG 2.2 A and AA as axe-core checks them; fails with each violation's rule, impact and where. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const violations = results.violations.map((v) => `${v.id} (${v.impact}) on ${page.url()}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  expect(violations).toEqual([]);
}

/**
 * A full-page screenshot: into docs/screenshots when LEDGER_UPDATE_SCREENSHOTS=1 (as committed and shown
 * in the README), otherwise beside the test services, so a test run leaves the work tree unchanged.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.LEDGER_UPDATE_SCREENSHOTS === '1'
    ? path.join(__dirname, '..', '..', 'docs', 'screenshots')
    : path.join(__dirname, '..', '..', '.test-services', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Types a YYYY-MM-DD date into a GOV.UK date input's three boxes (`name-day`, `name-month`, `name-year`). */
export async function fillDate(page: Page, name: string, date: string): Promise<void> {
  const [year, month, day] = date.split('-');
  await page.fill(`[name="${name}-day"]`, String(Number(day)));
  await page.fill(`[name="${name}-month"]`, String(Number(month)));
  await page.fill(`[name="${name}-year"]`, year);
}

/** The form's CSRF token, for tests that post the form themselves. */
export async function csrfTokenOn(page: Page): Promise<string> {
  return (await page.locator('input[name="_csrf"]').first().getAttribute('value')) ?? '';
}

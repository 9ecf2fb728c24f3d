import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GetForecastBacktest, GetForecastBacktestHandler, loadConfig, ManualClock, openLedgerRuntime, seedOrResumeDemoCouncil, type LedgerRuntime } from '@ledger/application';
import { financialYear } from '@ledger/domain';
import type { Backtest } from '@ledger/reporting';

/** The demo council holds the two financial years before this one whole, so finance can back-test them. */
describe('the demo council back-tested', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-demo-backtest-'));
  const now = new Date('2026-12-01T10:00:00Z');
  let runtime: LedgerRuntime;
  let handler: GetForecastBacktestHandler;

  beforeAll(async () => {
    const config = loadConfig({ LEDGER_DATA_DIR: dataDir, AUTH_JWT_SECRET: 'x'.repeat(32) });
    runtime = await openLedgerRuntime(config, new ManualClock(now));
    await seedOrResumeDemoCouncil(runtime);
    handler = new GetForecastBacktestHandler(runtime.ledger, runtime.config);
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(['2024-25', '2025-26'])('replays %s month by month from what was recorded before each month', async (year) => {
    const backtest: Backtest = await handler.execute(new GetForecastBacktest(financialYear(year), now));
    expect(backtest.months).toHaveLength(12);
    expect(backtest.actualOutturnPence).toBeGreaterThan(0);
    // Every month was forecast from placements already recorded: the history begins before the year.
    for (const month of backtest.months) expect(month.projectedPence.continuing).toBeGreaterThan(0);
    // The last month's continuing forecast is nearly the outturn: eleven months are actual.
    const march = backtest.months[11];
    expect(Math.abs(march.errorPence.continuing) / backtest.actualOutturnPence).toBeLessThan(0.05);
    for (const m of backtest.months) expect(m.p10Pence <= m.projectedPence.p50 && m.projectedPence.p50 <= m.p90Pence).toBe(true);
    if (year === '2025-26') {
      // A year after the ledger began, the range has a year of its own history to learn from: it holds the
      // actual in most months, and its P50 does better than the trend basis (docs/forecast-method.md).
      expect(backtest.inRange.months).toBeGreaterThanOrEqual(9);
      expect(backtest.meanAbsolutePercentageErrorBasisPoints.p50).toBeLessThan(backtest.meanAbsolutePercentageErrorBasisPoints.trend);
    }
    if (process.env.LEDGER_PRINT_BACKTEST === 'true') process.stdout.write(`${JSON.stringify({ year, mape: backtest.meanAbsolutePercentageErrorBasisPoints, inRange: backtest.inRange, actual: backtest.actualOutturnPence })}\n`);
  });
});

import {
  addDays, financialYearRange, roundHalfUpDiv, subtractPence, ZERO, type FinancialYear, type LocalDate, type Pence,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { buildForecast } from './forecast';
import { buildOutturnRange } from './outturn-range';
import type { RagThresholds } from './rag';

export const BACKTEST_BASES = ['committed', 'continuing', 'trend', 'p50'] as const;
export type BacktestBasis = (typeof BACKTEST_BASES)[number];

/** What the forecast said on the first day of one month, and how far off it was. */
export interface BacktestMonth {
  /** The forecast is as of this day and as known at its first instant in the council's time zone. */
  readonly monthStart: LocalDate;
  readonly asAt: string;
  readonly projectedPence: Readonly<Record<BacktestBasis, Pence>>;
  readonly p10Pence: Pence;
  readonly p90Pence: Pence;
  /** Projected less actual: positive when the forecast was too high. */
  readonly errorPence: Readonly<Record<BacktestBasis, Pence>>;
  readonly actualInRange: boolean;
}

export interface Backtest {
  readonly financialYear: FinancialYear;
  /** The year's net outturn as the ledger knows it now. */
  readonly actualOutturnPence: Pence;
  readonly months: readonly BacktestMonth[];
  /** Mean absolute percentage error per basis over the months, in basis points (100 = 1%). */
  readonly meanAbsolutePercentageErrorBasisPoints: Readonly<Record<BacktestBasis, number>>;
  /** Months whose P10–P90 range held the actual outturn, of all the months. */
  readonly inRange: { readonly months: number; readonly of: number };
}

/** The first day of each month of a financial year. */
export function monthStartsOf(year: FinancialYear): LocalDate[] {
  const { start } = financialYearRange(year);
  const starts: LocalDate[] = [];
  for (let day = start; starts.length < 12; day = addDays(day, 1)) if (day.endsWith('-01')) starts.push(day);
  return starts;
}

/**
 * Replays the forecast month by month: `asKnownAt` gives the ledger as recorded before each month began
 * (nothing later can reach it), the forecast and its range are made as of that day, and each is set
 * against the actual outturn as known now.
 */
export function buildBacktest(
  year: FinancialYear, asKnownAt: readonly { readonly monthStart: LocalDate; readonly ledger: LedgerAsAt }[], now: LedgerAsAt, thresholds: RagThresholds,
): Backtest {
  const { end } = financialYearRange(year);
  const actual = buildForecast(now, year, end, thresholds).scenarios.continuing.actualToDatePence;
  const months = asKnownAt.map(({ monthStart, ledger }): BacktestMonth => {
    const forecast = buildForecast(ledger, year, monthStart, thresholds);
    const range = buildOutturnRange(ledger, year, monthStart);
    const projectedPence = {
      committed: forecast.scenarios.committed.projectedOutturnPence, continuing: forecast.scenarios.continuing.projectedOutturnPence,
      trend: forecast.scenarios.trend.projectedOutturnPence, p50: range.p50Pence,
    };
    const errorPence = Object.fromEntries(BACKTEST_BASES.map((b) => [b, subtractPence(projectedPence[b], actual)])) as Record<BacktestBasis, Pence>;
    return { monthStart, asAt: ledger.asAt, projectedPence, p10Pence: range.p10Pence, p90Pence: range.p90Pence, errorPence, actualInRange: range.p10Pence <= actual && actual <= range.p90Pence };
  });
  const mape = (basis: BacktestBasis) => (months.length === 0 || actual === ZERO ? 0
    : roundHalfUpDiv(BigInt(months.reduce((sum, m) => sum + Math.abs(m.errorPence[basis]), 0)) * 10_000n, BigInt(months.length * Math.abs(actual))));
  return {
    financialYear: year, actualOutturnPence: actual, months,
    meanAbsolutePercentageErrorBasisPoints: Object.fromEntries(BACKTEST_BASES.map((b) => [b, mape(b)])) as Record<BacktestBasis, number>,
    inRange: { months: months.filter((m) => m.actualInRange).length, of: months.length },
  };
}

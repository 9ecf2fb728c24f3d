import {
  costTimelineOf,
  addDays, addPence, budgetToDate, financialYearRange, sumPence, minDate, periodCost, type FinancialYear, type LocalDate, type Pence,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { buildCompliance, type ComplianceReport } from '../compliance/compliance';
import { buildForecast, type Forecast } from '../forecast/forecast';
import type { BacktestBasis } from '../forecast/backtest';
import type { EarlyWarning } from '../forecast/early-warning';
import { buildOutturnRange, type Percentiles } from '../forecast/outturn-range';
import type { ForecastMovement } from '../forecast/forecast-movement';
import type { RagThresholds } from '../forecast/rag';
import { buildReturn, externalPlacements, type FinanceReturn } from '../returns/build-return';

/** One point of the chart: cumulative net spend, budget profile and the forecast range at a Monday. */
export interface ChartPoint {
  readonly date: LocalDate;
  /** Actual cumulative net spend from the year start; null after the report's week. */
  readonly actualPence: Pence | null;
  readonly budgetPence: Pence;
  /** Projected cumulative spend on the committed (low) and continuing (high) bases; null before the week's end. */
  readonly committedPence: Pence | null;
  readonly continuingPence: Pence | null;
}

/** The one-page report to senior managers for a week, built from the returns, forecast and compliance. */
export interface WeeklyReport {
  readonly weekCommencing: LocalDate;
  readonly financialYear: FinancialYear;
  readonly asAt: string;
  readonly headline: {
    readonly budgetPence: Pence;
    readonly spendToDatePence: Pence;
    readonly budgetToDatePence: Pence;
    readonly scenarios: Forecast['scenarios'];
    /** The projected outturn as a range (P10, P50, P90), simulated from the trend model. */
    readonly range: Percentiles;
  };
  /** How the forecast did in the last completed year: each basis's mean absolute percentage error, months inside P10–P90. */
  readonly backtest?: BacktestSummary;
  /** What moved since the previous issued report, by cause (absent for the first report). */
  readonly movementSinceLastReport?: ForecastMovement;
  /** Cost centres whose continuing outturn crossed a RAG boundary or moved past the threshold since the last report. */
  readonly earlyWarnings?: readonly EarlyWarning[];
  readonly week: FinanceReturn;
  readonly compliance: ComplianceReport;
  readonly chart: readonly ChartPoint[];
}

export interface BacktestSummary {
  readonly financialYear: FinancialYear;
  readonly meanAbsolutePercentageErrorBasisPoints: Readonly<Record<BacktestBasis, number>>;
  readonly inRange: { readonly months: number; readonly of: number };
}

/** What an issued report adds to the figures: the move since the last one, its early warnings, the last back-test. */
export interface WeeklyReportExtras {
  readonly movement?: ForecastMovement;
  readonly warnings?: readonly EarlyWarning[];
  readonly backtest?: BacktestSummary;
}

export function buildWeeklyReport(ledger: LedgerAsAt, weekCommencing: LocalDate, thresholds: RagThresholds, extras: WeeklyReportExtras = {}): WeeklyReport {
  const { movement, warnings, backtest } = extras;
  const weekEnd = addDays(weekCommencing, 7);
  const week = buildReturn('weekly', ledger, weekCommencing, weekEnd);
  const year = week.financialYear;
  const { start: yearStart, end: yearEnd } = financialYearRange(year);
  const forecast = buildForecast(ledger, year, weekEnd, thresholds);
  const compliance = buildCompliance(ledger, yearStart, minDate(weekEnd, yearEnd), weekEnd);
  const budget = sumPence(Object.values(ledger.budgets.get(year)?.costCentres ?? {}).map((c) => c.amountPence));
  return {
    weekCommencing, financialYear: year, asAt: ledger.asAt,
    headline: { budgetPence: budget, spendToDatePence: week.total.financialYearToDatePence, budgetToDatePence: budgetToDate(budget, year, weekEnd), scenarios: forecast.scenarios,
      range: buildOutturnRange(ledger, year, weekEnd) },
    ...(movement === undefined ? {} : { movementSinceLastReport: movement }),
    ...(warnings === undefined ? {} : { earlyWarnings: warnings }),
    ...(backtest === undefined ? {} : { backtest }),
    week, compliance, chart: chartPoints(ledger, year, weekEnd, budget),
  };
}

/** Weekly points across the year: actual up to the report's week, the projected range after it. */
function chartPoints(ledger: LedgerAsAt, year: FinancialYear, reportEnd: LocalDate, budget: Pence): ChartPoint[] {
  const { start, end } = financialYearRange(year);
  const placements = externalPlacements(ledger.placements).map((p) => {
    const timeline = costTimelineOf(p);
    const stop = p.endDate !== undefined && p.endDate < p.termEnd ? p.endDate : p.termEnd;
    return { timeline, committed: { ...timeline, endDate: stop } };
  });
  const cut = reportEnd < end ? reportEnd : end;
  const actualToCut = sumPence(placements.map((p) => periodCost(p.timeline, start, cut).netPence));
  const dates: LocalDate[] = [];
  for (let date = start; date < end; date = addDays(date, 7)) dates.push(date);
  // The report's week end joins the actual line to the forecast band.
  const series = [...new Set([...dates, cut, end])].sort();
  const points: ChartPoint[] = [];
  for (const date of series) {
    const actual = date <= cut ? sumPence(placements.map((p) => periodCost(p.timeline, start, date).netPence)) : null;
    const projected = date >= cut;
    points.push({
      date, actualPence: actual, budgetPence: budgetToDate(budget, year, date),
      // After the report's week: what is spent to its end, plus each basis's cost from then.
      committedPence: projected ? addPence(actualToCut, sumPence(placements.map((p) => periodCost(p.committed, cut, date).netPence))) : null,
      continuingPence: projected ? addPence(actualToCut, sumPence(placements.map((p) => periodCost(p.timeline, cut, date).netPence))) : null,
    });
  }
  return points;
}

import {
  costTimelineOf,
  addDays, applyBasisPoints, daysBetween, financialYearRange, maxDate, minDate, periodCost,
  type FinancialYear, type LocalDate, type Pence,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { externalPlacements, type Placed } from '../returns/build-return';
import { PlacementMemo } from '../placement-memo';
import { ragFor, type Rag, type RagThresholds } from './rag';
import { expectedNewDemandPence, learnTrend, type TrendModel } from './trend-model';

export type ScenarioName = 'committed' | 'continuing' | 'trend';
export const SCENARIOS: readonly ScenarioName[] = ['committed', 'continuing', 'trend'];

export interface ScenarioFigures {
  actualToDatePence: number;
  projectedOutturnPence: number;
  budgetPence: number;
  variancePence: number;
  rag: Rag;
  /** Trend only: the part of the outturn from commissions not yet made. */
  expectedNewDemandPence?: number;
}

export interface Forecast {
  readonly financialYear: FinancialYear;
  readonly asOf: LocalDate;
  readonly asAt: string;
  readonly scenarios: Record<ScenarioName, ScenarioFigures & { costCentres: Record<string, ScenarioFigures> }>;
  readonly trendModel: TrendModel;
}

/** Net cost still to come in [from, yearEnd) for one placement under a scenario. */
export function toCome(p: Placed, scenario: ScenarioName, from: LocalDate, yearEnd: LocalDate, trend: TrendModel): number {
  const timeline = costTimelineOf(p);
  if (from >= yearEnd) return 0;
  if (scenario === 'continuing') return periodCost(timeline, from, yearEnd).netPence;
  // Committed: to the current term end, or the recorded end if that is earlier.
  const committedEnd = p.endDate !== undefined && p.endDate < p.termEnd ? p.endDate : p.termEnd;
  const certain = periodCost({ ...timeline, endDate: committedEnd }, from, yearEnd).netPence;
  if (scenario === 'committed') return certain;
  // Trend: a recorded end is known; otherwise further terms follow with the learned probability.
  if (p.endDate !== undefined) return periodCost(timeline, from, yearEnd).netPence;
  // Trend: each further term happens with the learned extension probability, compounding.
  const length = trend.extensionDays[p.placementType] ?? trend.defaultExtensionDays;
  let expected: number = certain;
  let weight: number = 10_000;
  for (let termStart = p.termEnd; termStart < yearEnd && weight > 0; termStart = addDays(termStart, length)) {
    weight = applyBasisPoints(weight as Pence, trend.extensionBasisPoints);
    const start = maxDate(termStart, from);
    const end = minDate(addDays(termStart, length), yearEnd);
    if (start < end) expected += applyBasisPoints(periodCost(timeline, start, end).netPence, weight);
  }
  return expected;
}

/** One placement's part in a forecast: its actual to date and, per basis, its cost still to come. */
interface ForecastPart {
  readonly actualPence: number;
  readonly toComePence: Readonly<Record<ScenarioName, number>>;
}

const parts = new PlacementMemo<ForecastPart>();

/** The year's spend as of `asOf`: actual to date plus what is still to come, against budget, per scenario. */
export function buildForecast(ledger: LedgerAsAt, year: FinancialYear, asOf: LocalDate, thresholds: RagThresholds): Forecast {
  const { start: yearStart, end: yearEnd } = financialYearRange(year);
  const cut = minDate(maxDate(asOf, yearStart), yearEnd);
  const placements = externalPlacements(ledger.placements);
  const trendModel = learnTrend(placements, asOf);
  const budgets = ledger.budgets.get(year)?.costCentres ?? {};
  // A placement's part depends on the learned extension terms, so they are part of the window.
  const partOf = parts.window(JSON.stringify([year, cut, trendModel.extensionBasisPoints, trendModel.defaultExtensionDays, trendModel.extensionDays]));
  const sums = new Map<string, { actual: number } & Record<ScenarioName, number>>();
  for (const p of placements) {
    const part = partOf(p, () => ({
      actualPence: periodCost(costTimelineOf(p), yearStart, cut).netPence,
      toComePence: Object.fromEntries(SCENARIOS.map((scenario) => [scenario, toCome(p, scenario, cut, yearEnd, trendModel)])) as Record<ScenarioName, number>,
    }));
    const sum = sums.get(p.costCentre) ?? { actual: 0, committed: 0, continuing: 0, trend: 0 };
    sums.set(p.costCentre, sum);
    sum.actual += part.actualPence;
    for (const scenario of SCENARIOS) sum[scenario] += part.toComePence[scenario];
  }
  const costCentres = [...new Set([...sums.keys(), ...Object.keys(budgets)])].sort();
  const scenarios = {} as Forecast['scenarios'];
  for (const scenario of SCENARIOS) {
    const rows: Record<string, ScenarioFigures> = {};
    for (const costCentre of costCentres) {
      const sum = sums.get(costCentre);
      const actual = sum?.actual ?? 0;
      const newDemand = scenario === 'trend' && trendModel.newDemand[costCentre] ? expectedNewDemandPence(trendModel.newDemand[costCentre], daysBetween(cut, yearEnd)) : 0;
      const outturn = actual + (sum?.[scenario] ?? 0) + newDemand;
      rows[costCentre] = figures(actual, outturn, budgets[costCentre]?.amountPence ?? 0, thresholds, scenario === 'trend' ? newDemand : undefined);
    }
    const sum = (key: 'actualToDatePence' | 'projectedOutturnPence' | 'budgetPence') => Object.values(rows).reduce((t, r) => t + r[key], 0);
    const newDemand = scenario === 'trend' ? Object.values(rows).reduce((t, r) => t + (r.expectedNewDemandPence ?? 0), 0) : undefined;
    scenarios[scenario] = { ...figures(sum('actualToDatePence'), sum('projectedOutturnPence'), sum('budgetPence'), thresholds, newDemand), costCentres: rows };
  }
  return { financialYear: year, asOf, asAt: ledger.asAt, scenarios, trendModel };
}

function figures(actual: number, outturn: number, budget: number, thresholds: RagThresholds, newDemand?: number): ScenarioFigures {
  const variance = outturn - budget;
  return {
    actualToDatePence: actual, projectedOutturnPence: outturn, budgetPence: budget, variancePence: variance,
    rag: ragFor(variance, budget, thresholds), ...(newDemand === undefined ? {} : { expectedNewDemandPence: newDemand }),
  };
}

import {
  costTimelineOf,
  addDays, addPence, applyBasisPoints, daysBetween, financialYearRange, maxDate, minDate, periodCost, subtractPence, sumPence, ZERO,
  type FinancialYear, type LocalDate, type Pence,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import type { Placed } from '../returns/build-return';
import { KeptPerWindow, ledgerStreams } from '../kept-sums';
import { PlacementMemo } from '../placement-memo';
import { ForecastSums, type BasePart } from './forecast-sums';
import { ragFor, type Rag, type RagThresholds } from './rag';
import { evidenceFor, expectedNewDemandPence, type TrendModel } from './trend-model';

export type ScenarioName = 'committed' | 'continuing' | 'trend';
export const SCENARIOS: readonly ScenarioName[] = ['committed', 'continuing', 'trend'];

export interface ScenarioFigures {
  actualToDatePence: Pence;
  projectedOutturnPence: Pence;
  budgetPence: Pence;
  variancePence: Pence;
  rag: Rag;
  /** Trend only: the part of the outturn from commissions not yet made. */
  expectedNewDemandPence?: Pence;
}

export interface Forecast {
  readonly financialYear: FinancialYear;
  readonly asOf: LocalDate;
  readonly asAt: string;
  readonly scenarios: Record<ScenarioName, ScenarioFigures & { costCentres: Record<string, ScenarioFigures> }>;
  readonly trendModel: TrendModel;
}

/** Net cost still to come in [from, yearEnd) for one placement under a scenario. */
export function toCome(p: Placed, scenario: ScenarioName, from: LocalDate, yearEnd: LocalDate, trend?: TrendModel): Pence {
  const timeline = costTimelineOf(p);
  if (from >= yearEnd) return ZERO;
  if (scenario === 'continuing') return periodCost(timeline, from, yearEnd).netPence;
  // Committed: to the current term end, or the recorded end if that is earlier.
  const committedEnd = p.endDate !== undefined && p.endDate < p.termEnd ? p.endDate : p.termEnd;
  const certain = periodCost({ ...timeline, endDate: committedEnd }, from, yearEnd).netPence;
  if (scenario === 'committed') return certain;
  // Trend: a recorded end is known; otherwise further terms follow with the learned probability.
  if (p.endDate !== undefined) return periodCost(timeline, from, yearEnd).netPence;
  // Trend: each further term happens with the learned extension probability, compounding.
  if (trend === undefined) throw new Error('the trend basis needs the learned trend');
  const length = trend.extensionDays[p.placementType] ?? trend.defaultExtensionDays;
  let expected = certain;
  let weight: number = 10_000;
  for (let termStart = p.termEnd; termStart < yearEnd && weight > 0; termStart = addDays(termStart, length)) {
    weight = applyBasisPoints(weight as Pence, trend.extensionBasisPoints);
    const start = maxDate(termStart, from);
    const end = minDate(addDays(termStart, length), yearEnd);
    if (start < end) expected = addPence(expected, applyBasisPoints(periodCost(timeline, start, end).netPence, weight));
  }
  return expected;
}

const baseParts = new PlacementMemo<BasePart>();
const trendParts = new PlacementMemo<Pence>();
const keptSums = new KeptPerWindow(() => new ForecastSums());

/** The year's spend as of `asOf`: actual to date plus what is still to come, against budget, per scenario. */
export function buildForecast(ledger: LedgerAsAt, year: FinancialYear, asOf: LocalDate, thresholds: RagThresholds): Forecast {
  const { start: yearStart, end: yearEnd } = financialYearRange(year);
  const cut = minDate(maxDate(asOf, yearStart), yearEnd);
  const window = `${year}/${cut}/${asOf}`;
  const evidence = evidenceFor(asOf);
  const base = baseParts.window(window);
  const streams = ledgerStreams(ledger);
  const kept = ledger.streams === undefined ? new ForecastSums() : keptSums.nearest(window, streams);
  kept.moveTo(streams, (p) => base(p, () => ({
    actualPence: periodCost(costTimelineOf(p), yearStart, cut).netPence,
    committedPence: toCome(p, 'committed', cut, yearEnd),
    continuingPence: toCome(p, 'continuing', cut, yearEnd),
    evidence: evidence(p),
  })), (model, key) => {
    const trend = trendParts.window(`${window}/${key}`);
    return (p) => trend(p, () => toCome(p, 'trend', cut, yearEnd, model));
  });
  const trendModel = kept.model as TrendModel;
  const budgets = ledger.budgets.get(year)?.costCentres ?? {};
  const costCentres = [...new Set([...kept.centres.keys(), ...Object.keys(budgets)])].sort();
  const scenarios = {} as Forecast['scenarios'];
  for (const scenario of SCENARIOS) {
    const rows: Record<string, ScenarioFigures> = {};
    for (const costCentre of costCentres) {
      const sum = kept.centres.get(costCentre);
      const actual = sum?.actual ?? ZERO;
      const newDemand = scenario === 'trend' && trendModel.newDemand[costCentre] ? expectedNewDemandPence(trendModel.newDemand[costCentre], daysBetween(cut, yearEnd)) : ZERO;
      const outturn = sumPence([actual, sum?.[scenario] ?? ZERO, newDemand]);
      rows[costCentre] = figures(actual, outturn, budgets[costCentre]?.amountPence ?? ZERO, thresholds, scenario === 'trend' ? newDemand : undefined);
    }
    const sum = (key: 'actualToDatePence' | 'projectedOutturnPence' | 'budgetPence') => sumPence(Object.values(rows).map((r) => r[key]));
    const newDemand = scenario === 'trend' ? sumPence(Object.values(rows).map((r) => r.expectedNewDemandPence ?? ZERO)) : undefined;
    scenarios[scenario] = { ...figures(sum('actualToDatePence'), sum('projectedOutturnPence'), sum('budgetPence'), thresholds, newDemand), costCentres: rows };
  }
  return { financialYear: year, asOf, asAt: ledger.asAt, scenarios, trendModel };
}

function figures(actual: Pence, outturn: Pence, budget: Pence, thresholds: RagThresholds, newDemand?: Pence): ScenarioFigures {
  const variance = subtractPence(outturn, budget);
  return {
    actualToDatePence: actual, projectedOutturnPence: outturn, budgetPence: budget, variancePence: variance,
    rag: ragFor(variance, budget, thresholds), ...(newDemand === undefined ? {} : { expectedNewDemandPence: newDemand }),
  };
}

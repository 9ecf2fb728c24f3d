import {
  addPence, costTimelineOf, evolveBudget, evolvePlacement, financialYearRange, initialBudgetState, initialPlacementState, maxDate, minDate,
  parseStreamId, periodCost, subtractPence, sumPence, upcastBudgetEvent, upcastPlacementEvent, ZERO,
  type FinancialYear, type LocalDate, type Pence, type PlacementEvent, type PlacementState,
} from '@ledger/domain';
import type { LedgerAsAt, LedgerFact } from '@ledger/projections';
import { externalPlacements } from '../returns/build-return';
import { PlacementMemo } from '../placement-memo';
import { toCome, type ScenarioName } from './forecast';
import { learnTrend, trendTermsKey, type TrendModel } from './trend-model';

export const CAUSES = ['newCommissions', 'ends', 'extensions', 'rateChanges', 'jointFunding', 'backdatedCorrections'] as const;
export type Cause = (typeof CAUSES)[number];

export interface MovementItem {
  readonly recordedAt: string;
  readonly placementId: string;
  readonly cause: Cause;
  readonly eventType: string;
  readonly deltaPence: Pence;
}

export interface ForecastMovement {
  readonly financialYear: FinancialYear;
  readonly asOf: LocalDate;
  readonly scenario: ScenarioName;
  readonly from: string;
  readonly to: string;
  readonly before: { readonly projectedOutturnPence: Pence; readonly budgetPence: Pence; readonly variancePence: Pence };
  readonly after: { readonly projectedOutturnPence: Pence; readonly budgetPence: Pence; readonly variancePence: Pence };
  /** Outturn change by cause; the causes add up exactly to after − before. */
  readonly byCause: Record<Cause, Pence>;
  readonly budgetChangePence: Pence;
  readonly items: readonly MovementItem[];
}

const recordedDay = (instant: string) => instant.slice(0, 10);

/** Why an event moved the outturn: a change dated before the day it was recorded is a backdated correction. */
export function causeOf(event: PlacementEvent, recordedAt: string): Cause | undefined {
  switch (event.type) {
    case 'PlacementCommissioned': return 'newCommissions';
    case 'PlacementExtended': return 'extensions';
    case 'PlacementEnded': return event.data.correctsEndDate !== undefined || event.data.endDate < recordedDay(recordedAt) ? 'backdatedCorrections' : 'ends';
    case 'PlacementRateChanged': return event.data.effectiveFrom < recordedDay(recordedAt) ? 'backdatedCorrections' : 'rateChanges';
    case 'JointFundingAgreed': return event.data.effectiveFrom < recordedDay(recordedAt) ? 'backdatedCorrections' : 'jointFunding';
    default: return undefined;
  }
}

const outturns = new PlacementMemo<Pence>();

/**
 * Replays the facts recorded between the two instants onto the ledger as it stood at the first, one
 * at a time, and attributes each placement's change in outturn to that event's cause. Only the
 * changed placement is re-projected, and the sum telescopes: the parts add up to the whole change.
 * The trend model is held at what was learned by `from`, so each delta is the event's own effect.
 */
export function buildForecastMovement(base: LedgerAsAt, facts: readonly LedgerFact[], to: string, year: FinancialYear, asOf: LocalDate, scenario: ScenarioName): ForecastMovement {
  const { start: yearStart, end: yearEnd } = financialYearRange(year);
  const cut = minDate(maxDate(asOf, yearStart), yearEnd);
  const trend: TrendModel = learnTrend(externalPlacements(base.placements), asOf);
  const memo = outturns.window(`${year}/${cut}/${scenario}/${trendTermsKey(trend)}`);
  const outturnOf = (state: PlacementState | undefined): Pence => {
    const [p] = externalPlacements(state ? [state] : []);
    return p === undefined ? ZERO : memo(p, () => addPence(periodCost(costTimelineOf(p), yearStart, cut).netPence, toCome(p, scenario, cut, yearEnd, trend)));
  };
  const streams = new Map(base.streams ?? []);
  let budget = base.budgets.get(year) ?? initialBudgetState;
  const budgetTotal = () => sumPence(Object.values(budget.costCentres).map((c) => c.amountPence));
  const beforeOutturn = sumPence([...streams.values()].map(outturnOf));
  const beforeBudget = budgetTotal();
  const byCause = Object.fromEntries(CAUSES.map((c) => [c, ZERO])) as Record<Cause, Pence>;
  const items: MovementItem[] = [];
  let outturn = beforeOutturn;
  for (const fact of facts) {
    const stream = parseStreamId(fact.streamId);
    if (stream?.kind === 'budget' && stream.financialYear === year) {
      budget = evolveBudget(budget, upcastBudgetEvent(fact.type, fact.version, fact.data));
      continue;
    }
    if (stream?.kind !== 'placement') continue;
    const event = upcastPlacementEvent(fact.type, fact.version, fact.data);
    const previous = streams.get(fact.streamId);
    const next = evolvePlacement(previous ?? initialPlacementState, event);
    streams.set(fact.streamId, next);
    const delta = subtractPence(outturnOf(next), outturnOf(previous));
    if (delta === 0) continue;
    const cause = causeOf(event, fact.recordedAt);
    if (cause === undefined) throw new Error(`${event.type} moved the outturn but has no cause to carry it`);
    byCause[cause] = addPence(byCause[cause], delta);
    outturn = addPence(outturn, delta);
    items.push({ recordedAt: fact.recordedAt, placementId: stream.placementId, cause, eventType: event.type, deltaPence: delta });
  }
  const afterBudget = budgetTotal();
  return {
    financialYear: year, asOf, scenario, from: base.asAt, to,
    before: { projectedOutturnPence: beforeOutturn, budgetPence: beforeBudget, variancePence: subtractPence(beforeOutturn, beforeBudget) },
    after: { projectedOutturnPence: outturn, budgetPence: afterBudget, variancePence: subtractPence(outturn, afterBudget) },
    byCause, budgetChangePence: subtractPence(afterBudget, beforeBudget), items,
  };
}


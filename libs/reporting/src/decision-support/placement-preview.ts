import {
  addPence, costTimelineOf, evolvePlacement, financialYearOf, financialYearRange, isExternal, maxDate, periodCost, placementStreamId,
  subtractPence, ZERO, type FinancialYear, type LocalDate, type Pence, type PlacementEvent, type PlacementState,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { buildForecast, toCome } from '../forecast/forecast';
import { ragFor, type Rag, type RagThresholds } from '../forecast/rag';

/** A cost centre's year on one basis, before and after the change previewed. */
export interface BasisPreview {
  readonly outturnBeforePence: Pence;
  readonly outturnAfterPence: Pence;
  readonly ragBefore: Rag;
  readonly ragAfter: Rag;
  /** Budget less projected outturn: what is left to commission with; negative when overspent. */
  readonly headroomBeforePence: Pence;
  readonly headroomAfterPence: Pence;
}

/** What a placement command would do to its cost centre's year, worked out without recording anything. */
export interface PlacementPreview {
  readonly placementId: string;
  readonly costCentre: string;
  readonly financialYear: FinancialYear;
  readonly asOf: LocalDate;
  readonly budgetPence: Pence;
  /** The placement's own net cost in the year on the continuing basis, before and after. */
  readonly placementYearBeforePence: Pence;
  readonly placementYearAfterPence: Pence;
  /** The usual prudent basis: each placement runs to the year end unless an end is recorded. */
  readonly continuing: BasisPreview;
  /** Each placement to the end of its current term: what the council would be contractually committed to. */
  readonly committed: BasisPreview;
  /** True when the change would take the cost centre's continuing outturn to red from amber or green. */
  readonly turnsRed: boolean;
}

/** The events a command would append, and the state they lead to (the decider runs; nothing is stored). */
export interface PreviewedChange {
  readonly before: PlacementState;
  readonly events: readonly PlacementEvent[];
}

/** The year a change is judged in: the one holding the later of the as-of date and the first day it charges. */
const yearOfChange = (asOf: LocalDate, from: LocalDate): FinancialYear => financialYearOf(maxDate(asOf, from));

/**
 * The outturn before is the forecast's own (the same kept sums as `GET /api/forecast`); the outturn
 * after replaces this placement's part by its part in the state the events lead to. Both parts come
 * from the one cost timeline (actual to the as-of date plus what is to come), so before + change = after
 * to the penny.
 */
export function previewPlacementChange(
  ledger: LedgerAsAt, change: PreviewedChange, asOf: LocalDate, chargesFrom: LocalDate, thresholds: RagThresholds,
): PlacementPreview {
  const after = change.events.reduce(evolvePlacement, change.before);
  if (!isExternal(after)) throw new Error('a preview is of a change to an external placement');
  const year = yearOfChange(asOf, chargesFrom);
  const forecast = buildForecast(ledger, year, asOf, thresholds);
  const costCentre = after.costCentre;
  const budget = ledger.budgets.get(year)?.costCentres[costCentre]?.amountPence ?? ZERO;
  const basis = (scenario: 'continuing' | 'committed'): BasisPreview => {
    const before = forecast.scenarios[scenario].costCentres[costCentre]?.projectedOutturnPence ?? ZERO;
    const outturnAfter = addPence(subtractPence(before, partOf(change.before, scenario, year, asOf)), partOf(after, scenario, year, asOf));
    return {
      outturnBeforePence: before, outturnAfterPence: outturnAfter,
      ragBefore: ragFor(subtractPence(before, budget), budget, thresholds), ragAfter: ragFor(subtractPence(outturnAfter, budget), budget, thresholds),
      headroomBeforePence: subtractPence(budget, before), headroomAfterPence: subtractPence(budget, outturnAfter),
    };
  };
  const continuing = basis('continuing');
  return {
    placementId: after.placementId, costCentre, financialYear: year, asOf, budgetPence: budget,
    placementYearBeforePence: partOf(change.before, 'continuing', year, asOf), placementYearAfterPence: partOf(after, 'continuing', year, asOf),
    continuing, committed: basis('committed'), turnsRed: continuing.ragAfter === 'red' && continuing.ragBefore !== 'red',
  };
}

/** One placement's part of a cost centre's outturn: actual to the as-of date plus what is still to come. */
function partOf(state: PlacementState, scenario: 'continuing' | 'committed', year: FinancialYear, asOf: LocalDate): Pence {
  if (!isExternal(state)) return ZERO;
  const { start, end } = financialYearRange(year);
  const cut = asOf < start ? start : asOf > end ? end : asOf;
  return addPence(periodCost(costTimelineOf(state), start, cut).netPence, toCome(state, scenario, cut, end));
}

/** The stream's state in a ledger, or the initial state when it has none. */
export function placementIn(ledger: LedgerAsAt, placementId: string): PlacementState | undefined {
  return ledger.streams?.get(placementStreamId(placementId)) ?? ledger.placements.find((p) => p.status !== 'Initial' && p.placementId === placementId);
}

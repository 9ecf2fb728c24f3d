import {
  addDays, budgetToDate, costTimelineOf, subtractPence, ZERO, cumulativeNet, financialYearOf, financialYearRange, isExternal, periodCost,
  type ExternalPlacementState, type FinancialYear, type LocalDate, type Pence, type PlacementState,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { KeptPerWindow, ledgerStreams } from '../kept-sums';
import { PlacementMemo } from '../placement-memo';
import { emptyFigures, placementFigures, settleBudget, type Figures } from './figures';
import { movementsOf, reviewFlagOf, type Movement, type ReviewFlag } from './movements';
import { ReturnTotals, type PlacementPart } from './return-totals';

export type ReturnKind = 'weekly' | 'monthly' | 'quarterly';

export interface FinanceReturn {
  readonly kind: ReturnKind;
  /** `end` is exclusive. */
  readonly period: { readonly start: LocalDate; readonly end: LocalDate };
  readonly financialYear: FinancialYear;
  readonly asAt: string;
  readonly total: Figures;
  readonly costCentres: Record<string, Figures>;
  readonly placementTypes: Record<string, Figures>;
  /** Continuing basis: every placement runs to the year end unless an end is recorded (monthly and quarterly). */
  readonly projectedOutturnPence?: Pence;
  readonly movements: readonly Movement[];
  readonly reviewsDue: readonly ReviewFlag[];
  readonly reviewsOverdue: readonly ReviewFlag[];
}

/** An external placement as the returns see it: commissioned or ended, with its end date once it has one. */
export type Placed = ExternalPlacementState & { readonly endDate?: LocalDate };

export function externalPlacements(states: Iterable<PlacementState>): Placed[] {
  const placed: Placed[] = [];
  for (const state of states) if (isExternal(state)) placed.push(state);
  return placed;
}

/**
 * A ledger's placements in order, read from its map by stream when it has one. A report that walks them
 * all once per request asks for this rather than `placements`: at 20,000 placements that list is a large
 * object, collected only by a full collection, and made again for every fold, so for every write.
 */
export const placementStates = (ledger: LedgerAsAt): Iterable<PlacementState> => ledger.streams?.values() ?? ledger.placements;

const parts = new PlacementMemo<PlacementPart>();
/** The sums kept per period: see ReturnTotals and KeptPerWindow. */
const totalsByPeriod = new KeptPerWindow(() => new ReturnTotals());

/**
 * A return for `[start, end)` from the ledger as known at its `asAt`. Every figure is a difference of
 * one cumulative function per placement, so weeks, months, quarters and the year reconcile exactly.
 */
export function buildReturn(kind: ReturnKind, ledger: LedgerAsAt, start: LocalDate, end: LocalDate): FinanceReturn {
  const lastDay = addDays(end, -1);
  const year = financialYearOf(lastDay);
  const { start: yearStart, end: yearEnd } = financialYearRange(year);
  const window = { start, end, dayBefore: addDays(start, -1), lastDay };
  const partOf = parts.window(`${start}/${end}`);
  const part = (state: PlacementState): PlacementPart | undefined => {
    if (!isExternal(state)) return undefined;
    return partOf(state, () => {
      const timeline = costTimelineOf(state);
      // The year to date runs from the start of the year the period ends in, even for a week that straddles it.
      const yearToDate = subtractPence(cumulativeNet(timeline, end), cumulativeNet(timeline, yearStart));
      const review = reviewFlagOf(state, end);
      return {
        costCentre: state.costCentre, placementType: state.placementType,
        figures: placementFigures(state, window, periodCost(timeline, start, end), yearToDate),
        outturnPence: subtractPence(cumulativeNet(timeline, yearEnd), cumulativeNet(timeline, yearStart)),
        movements: movementsOf(state, start, end),
        ...(review === undefined ? {} : { review }),
      };
    });
  };
  // A ledger without its placements by stream (one made up by hand) is summed afresh.
  const streams = ledgerStreams(ledger);
  const totals = ledger.streams === undefined ? new ReturnTotals() : totalsByPeriod.nearest(`${start}/${end}`, streams);
  totals.moveTo(streams, part);
  const total = { ...totals.total };
  const { costCentres, placementTypes } = totals.rows();
  const budgets = ledger.budgets.get(year)?.costCentres ?? {};
  for (const [costCentre, budget] of Object.entries(budgets)) {
    const profiled = budgetToDate(budget.amountPence, year, end);
    settleBudget((costCentres[costCentre] ??= emptyFigures(true)), profiled);
    settleBudget(total, profiled);
  }
  for (const figures of [total, ...Object.values(costCentres)]) figures.variancePence = subtractPence(figures.financialYearToDatePence, figures.budgetToDatePence ?? ZERO);
  return {
    kind, period: { start, end }, financialYear: year, asAt: ledger.asAt, total, costCentres: sortedKeys(costCentres), placementTypes,
    ...(kind === 'weekly' ? {} : { projectedOutturnPence: totals.outturnPence }),
    movements: totals.movements, reviewsDue: totals.reviewsDue, reviewsOverdue: totals.reviewsOverdue,
  };
}

const sortedKeys = <T>(record: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));

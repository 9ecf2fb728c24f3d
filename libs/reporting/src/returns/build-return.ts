import {
  addDays, addPence, budgetToDate, costTimelineOf, subtractPence, ZERO, cumulativeNet, financialYearOf, financialYearRange, isExternal, periodCost,
  type ExternalPlacementState, type FinancialYear, type LocalDate, type Pence, type PlacementState,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { PlacementMemo } from '../placement-memo';
import { addPlacement, emptyFigures, placementFigures, settleBudget, type Figures, type PlacementFigures } from './figures';
import { byDateThenPlacement, movementsOf, reviewFlagOf, sortReviewFlags, type Movement, type ReviewFlag } from './movements';

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

export function externalPlacements(states: readonly PlacementState[]): Placed[] {
  return states.filter(isExternal);
}

/** One placement's part in a return: figures, outturn, movements and review flag, for one period. */
interface PlacementPart {
  readonly figures: PlacementFigures;
  readonly outturnPence: Pence;
  readonly movements: readonly Movement[];
  readonly review: ReturnType<typeof reviewFlagOf>;
}

const parts = new PlacementMemo<PlacementPart>();

/**
 * A return for `[start, end)` from the ledger as known at its `asAt`. Every figure is a difference of
 * one cumulative function per placement, so weeks, months, quarters and the year reconcile exactly.
 */
export function buildReturn(kind: ReturnKind, ledger: LedgerAsAt, start: LocalDate, end: LocalDate): FinanceReturn {
  const lastDay = addDays(end, -1);
  const year = financialYearOf(lastDay);
  const { start: yearStart, end: yearEnd } = financialYearRange(year);
  const window = { start, end, dayBefore: addDays(start, -1), lastDay };
  const total = emptyFigures(true);
  const costCentres: Record<string, Figures> = {};
  const placementTypes: Record<string, Figures> = {};
  const partOf = parts.window(`${start}/${end}`);
  const movements: Movement[] = [];
  const reviews: PlacementPart['review'][] = [];
  let outturn = ZERO;
  for (const placement of externalPlacements(ledger.placements)) {
    const part = partOf(placement, () => {
      const timeline = costTimelineOf(placement);
      // The year to date runs from the start of the year the period ends in, even for a week that straddles it.
      const yearToDate = subtractPence(cumulativeNet(timeline, end), cumulativeNet(timeline, yearStart));
      return {
        figures: placementFigures(placement, window, periodCost(timeline, start, end), yearToDate),
        outturnPence: subtractPence(cumulativeNet(timeline, yearEnd), cumulativeNet(timeline, yearStart)),
        movements: movementsOf(placement, start, end),
        review: reviewFlagOf(placement, end),
      };
    });
    for (const figures of [total, (costCentres[placement.costCentre] ??= emptyFigures(true)), (placementTypes[placement.placementType] ??= emptyFigures(false))]) {
      addPlacement(figures, part.figures);
    }
    outturn = addPence(outturn, part.outturnPence);
    movements.push(...part.movements);
    reviews.push(part.review);
  }
  const budgets = ledger.budgets.get(year)?.costCentres ?? {};
  for (const [costCentre, budget] of Object.entries(budgets)) {
    const profiled = budgetToDate(budget.amountPence, year, end);
    settleBudget((costCentres[costCentre] ??= emptyFigures(true)), profiled);
    settleBudget(total, profiled);
  }
  for (const figures of [total, ...Object.values(costCentres)]) figures.variancePence = subtractPence(figures.financialYearToDatePence, figures.budgetToDatePence ?? ZERO);
  return {
    kind, period: { start, end }, financialYear: year, asAt: ledger.asAt, total, costCentres, placementTypes,
    ...(kind === 'weekly' ? {} : { projectedOutturnPence: outturn }),
    movements: movements.sort(byDateThenPlacement),
    ...sortReviewFlags(reviews),
  };
}

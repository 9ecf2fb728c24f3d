import {
  addDays, budgetToDate, cumulativeNet, financialYearOf, financialYearRange, periodCost,
  type CostTimeline, type ExternalPlacement, type FinancialYear, type LocalDate, type PlacementState,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { addPlacement, emptyFigures, settleBudget, type Figures } from './figures';
import { movementsIn, reviewsDueAndOverdue, type Movement, type ReviewFlag } from './movements';

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
  readonly projectedOutturnPence?: number;
  readonly movements: readonly Movement[];
  readonly reviewsDue: readonly ReviewFlag[];
  readonly reviewsOverdue: readonly ReviewFlag[];
}

/** An external placement as the returns see it: ended or not, with its end date when it has one. */
export type Placed = ExternalPlacement & { readonly status: 'Commissioned' | 'Ended'; readonly endDate?: LocalDate };

export function externalPlacements(states: readonly PlacementState[]): Placed[] {
  return states.flatMap((s): Placed[] => (s.status === 'Commissioned' || s.status === 'Ended' ? [s] : []));
}

export function timelineOf(placement: Placed): CostTimeline {
  return { startDate: placement.startDate, endDate: placement.endDate, rates: placement.rates, contributions: placement.jointFunding };
}

/**
 * A return for `[start, end)` from the ledger as known at its `asAt`. Every figure is a difference of
 * one cumulative function per placement, so weeks, months, quarters and the year reconcile exactly.
 */
export function buildReturn(kind: ReturnKind, ledger: LedgerAsAt, start: LocalDate, end: LocalDate): FinanceReturn {
  const lastDay = addDays(end, -1);
  const year = financialYearOf(lastDay);
  const yearStart = financialYearRange(year).start;
  const from = start < yearStart ? yearStart : start;
  const window = { start, end, dayBefore: addDays(start, -1), lastDay };
  const total = emptyFigures(true);
  const costCentres: Record<string, Figures> = {};
  const placementTypes: Record<string, Figures> = {};
  const placements = externalPlacements(ledger.placements);
  let outturn = 0;
  for (const placement of placements) {
    const timeline = timelineOf(placement);
    const cost = periodCost(timeline, start, end);
    const yearToDate = cumulativeNet(timeline, end) - cumulativeNet(timeline, from === start ? yearStart : from);
    for (const figures of [total, (costCentres[placement.costCentre] ??= emptyFigures(true)), (placementTypes[placement.placementType] ??= emptyFigures(false))]) {
      addPlacement(figures, placement, window, cost, yearToDate);
    }
    outturn += cumulativeNet(timeline, financialYearRange(year).end) - cumulativeNet(timeline, yearStart);
  }
  const budgets = ledger.budgets.get(year)?.costCentres ?? {};
  for (const [costCentre, budget] of Object.entries(budgets)) {
    const profiled = budgetToDate(budget.amountPence, year, end);
    settleBudget((costCentres[costCentre] ??= emptyFigures(true)), profiled);
    settleBudget(total, profiled);
  }
  for (const figures of [total, ...Object.values(costCentres)]) figures.variancePence = figures.financialYearToDatePence - (figures.budgetToDatePence ?? 0);
  return {
    kind, period: { start, end }, financialYear: year, asAt: ledger.asAt, total, costCentres, placementTypes,
    ...(kind === 'weekly' ? {} : { projectedOutturnPence: outturn }),
    movements: movementsIn(placements, start, end),
    ...reviewsDueAndOverdue(placements, end),
  };
}

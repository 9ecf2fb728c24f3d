import { addPence, pence, subtractPence, ZERO, type ExternalPlacement, type LocalDate, type Pence, type PeriodCost } from '@ledger/domain';

/** One row of a return. Money is net of contributions where it meets the budget (docs/api.md). */
export interface Figures {
  grossPence: Pence;
  contributionsPence: Pence;
  netPence: Pence;
  /** Net spend from the start of the financial year to the end of the period. */
  financialYearToDatePence: Pence;
  /** Budgets are set per cost centre; placement-type rows carry none (null). */
  budgetToDatePence: Pence | null;
  /** financialYearToDate − budgetToDate: positive is an overspend. */
  variancePence: Pence | null;
  /** Placements charged for the day before the period (in place as it opens). */
  activeAtStart: number;
  /** Placements whose first charged day falls in the period. */
  commissioned: number;
  /** Placements whose end date (the day the child left) falls in the period. */
  ended: number;
  /** Placements charged for the period's last day; = activeAtStart + commissioned − ended. */
  activeAtEnd: number;
}

export const emptyFigures = (withBudget: boolean): Figures => ({
  grossPence: ZERO, contributionsPence: ZERO, netPence: ZERO, financialYearToDatePence: ZERO,
  budgetToDatePence: withBudget ? ZERO : null, variancePence: withBudget ? ZERO : null,
  activeAtStart: 0, commissioned: 0, ended: 0, activeAtEnd: 0,
});

/** Charged for day `day`: startDate <= day < endDate. */
export function chargedOn(placement: ExternalPlacement & { endDate?: LocalDate }, day: LocalDate): boolean {
  return placement.startDate <= day && (placement.endDate === undefined || day < placement.endDate);
}

/** One placement's part in a row of a return: its cost in the period and year to date, and which counts it joins. */
export interface PlacementFigures {
  readonly cost: PeriodCost;
  readonly yearToDateNetPence: Pence;
  readonly activeAtStart: boolean;
  readonly commissioned: boolean;
  readonly ended: boolean;
  readonly activeAtEnd: boolean;
}

export function placementFigures(
  placement: ExternalPlacement & { endDate?: LocalDate },
  period: { start: LocalDate; end: LocalDate; dayBefore: LocalDate; lastDay: LocalDate },
  cost: PeriodCost,
  yearToDateNetPence: Pence,
): PlacementFigures {
  return {
    cost, yearToDateNetPence,
    activeAtStart: chargedOn(placement, period.dayBefore),
    commissioned: placement.startDate >= period.start && placement.startDate < period.end,
    ended: placement.endDate !== undefined && placement.endDate >= period.start && placement.endDate < period.end,
    activeAtEnd: chargedOn(placement, period.lastDay),
  };
}

/** Adds one placement's part to a row, or takes it away again (`sign` −1) when the placement has changed. */
export function addPlacement(figures: Figures, part: PlacementFigures, sign: 1 | -1 = 1): void {
  const signed = (amount: Pence) => (sign === 1 ? amount : pence(-amount));
  figures.grossPence = addPence(figures.grossPence, signed(part.cost.grossPence));
  figures.contributionsPence = addPence(figures.contributionsPence, signed(part.cost.contributionsPence));
  figures.netPence = addPence(figures.netPence, signed(part.cost.netPence));
  figures.financialYearToDatePence = addPence(figures.financialYearToDatePence, signed(part.yearToDateNetPence));
  if (part.activeAtStart) figures.activeAtStart += sign;
  if (part.commissioned) figures.commissioned += sign;
  if (part.ended) figures.ended += sign;
  if (part.activeAtEnd) figures.activeAtEnd += sign;
}

export function settleBudget(figures: Figures, budgetToDate: Pence): void {
  figures.budgetToDatePence = addPence(figures.budgetToDatePence ?? ZERO, budgetToDate);
  figures.variancePence = subtractPence(figures.financialYearToDatePence, figures.budgetToDatePence);
}

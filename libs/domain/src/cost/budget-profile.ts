import { daysInFinancialYear, daysOfYearBefore, type FinancialYear } from '../calendar/financial-year';
import type { LocalDate } from '../calendar/local-date';
import { roundHalfUpDiv, type Pence } from '../money/pence';

/**
 * The budget profiled flat by day: round(B × days of the year before D / days in the year). Nothing
 * before 1 April, all of it from the next 1 April; to-date figures therefore reconcile like costs.
 */
export function budgetToDate(budget: Pence, year: FinancialYear, date: LocalDate): Pence {
  return roundHalfUpDiv(BigInt(budget) * BigInt(daysOfYearBefore(year, date)), daysInFinancialYear(year)) as Pence;
}

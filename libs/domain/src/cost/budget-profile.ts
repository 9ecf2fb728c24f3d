import { daysInFinancialYear, financialYearRange, type FinancialYear } from '../calendar/financial-year';
import { daysBetween, maxDate, minDate, type LocalDate } from '../calendar/local-date';
import { roundHalfUpDiv, type Pence } from '../money/pence';

/** The budget profiled flat by day: round(B × days of the year before D / days in the year). */
export function budgetToDate(budget: Pence, year: FinancialYear, date: LocalDate): Pence {
  const { start, end } = financialYearRange(year);
  const elapsed = daysBetween(start, maxDate(start, minDate(end, date)));
  return roundHalfUpDiv(BigInt(budget) * BigInt(elapsed), daysInFinancialYear(year)) as Pence;
}

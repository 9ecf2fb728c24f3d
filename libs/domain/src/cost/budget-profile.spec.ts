import fc from 'fast-check';
import { financialYear, financialYearRange, periodRange } from '../calendar/financial-year';
import { addDays, localDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import { anyFinancialYear } from '../testing/arbitraries';
import { budgetToDate } from './budget-profile';

const d = (s: string) => localDate(s);
const p = (n: number) => n as Pence;

describe('the budget profiled flat by day', () => {
  const year = financialYear('2026-27');

  it('is nothing before the year and all of it from the year end', () => {
    expect(budgetToDate(p(36_500_000), year, d('2026-03-01'))).toBe(0);
    expect(budgetToDate(p(36_500_000), year, d('2026-04-01'))).toBe(0);
    expect(budgetToDate(p(36_500_000), year, d('2027-04-01'))).toBe(36_500_000);
    expect(budgetToDate(p(36_500_000), year, d('2027-06-01'))).toBe(36_500_000);
  });

  it('is the budget × days elapsed / 365 in between, rounded half up', () => {
    expect(budgetToDate(p(36_500_000), year, d('2026-04-11'))).toBe(1_000_000); // 10 days of £365,000
    expect(budgetToDate(p(100), year, d('2026-04-03'))).toBe(1); // 100 × 2 / 365 = 0.548 → 1
    expect(budgetToDate(p(1_000_000_000), year, d('2026-05-01'))).toBe(82_191_781); // × 30 / 365 = 82,191,780.8
  });

  it('divides by 366 in a year holding 29 February', () => {
    expect(budgetToDate(p(36_600_000), financialYear('2027-28'), d('2027-04-02'))).toBe(100_000);
  });

  it('never decreases day by day, and its months add up to the budget', () => {
    fc.assert(fc.property(anyFinancialYear, fc.integer({ min: 0, max: 2_000_000_000_00 }), fc.integer({ min: -10, max: 380 }), (fy, budget, offset) => {
      const day = addDays(financialYearRange(fy).start, offset);
      const months = Array.from({ length: 12 }, (_, i) => periodRange(fy, i + 1))
        .reduce((sum, r) => sum + budgetToDate(p(budget), fy, r.end) - budgetToDate(p(budget), fy, r.start), 0);
      return budgetToDate(p(budget), fy, addDays(day, 1)) >= budgetToDate(p(budget), fy, day) && months === budget;
    }));
  });
});

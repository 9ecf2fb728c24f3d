import fc from 'fast-check';
import { financialYearStarting, type FinancialYear } from '../calendar/financial-year';
import { fromEpochDay, localDate, toEpochDay, type LocalDate } from '../calendar/local-date';

/** Any date from `min` to `max` inclusive, uniformly by day. */
export const datesBetween = (min: string, max: string): fc.Arbitrary<LocalDate> =>
  fc.integer({ min: toEpochDay(localDate(min)), max: toEpochDay(localDate(max)) }).map(fromEpochDay);

export const anyDate = datesBetween('1990-01-01', '2079-12-31');

export const anyFinancialYear: fc.Arbitrary<FinancialYear> = fc.integer({ min: 1990, max: 2078 }).map(financialYearStarting);

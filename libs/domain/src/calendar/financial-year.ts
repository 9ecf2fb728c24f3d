import { addDays, daysBetween, isMonday, localDate, maxDate, minDate, type LocalDate } from './local-date';

/** A financial year written `2026-27`: 1 April 2026 to 31 March 2027 inclusive. */
export type FinancialYear = string & { readonly __brand: 'FinancialYear' };

/** A half-open range of days `[start, end)`: `end` is the first day not included. */
export interface DateRange {
  readonly start: LocalDate;
  readonly end: LocalDate;
}

const PATTERN = /^(\d{4})-(\d{2})$/;

export function isFinancialYear(value: string): boolean {
  const match = PATTERN.exec(value);
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]) && Number(match[1]) >= 1900;
}

export function financialYear(value: string): FinancialYear {
  if (!isFinancialYear(value)) throw new RangeError(`"${value}" is not a financial year such as 2026-27`);
  return value as FinancialYear;
}

const startYear = (year: FinancialYear): number => Number(year.slice(0, 4));

export function financialYearStarting(calendarYear: number): FinancialYear {
  return `${calendarYear}-${String((calendarYear + 1) % 100).padStart(2, '0')}` as FinancialYear;
}

export function financialYearOf(date: LocalDate): FinancialYear {
  const year = Number(date.slice(0, 4));
  return financialYearStarting(Number(date.slice(5, 7)) >= 4 ? year : year - 1);
}

export function financialYearRange(year: FinancialYear): DateRange {
  const y = startYear(year);
  return { start: localDate(`${y}-04-01`), end: localDate(`${y + 1}-04-01`) };
}

export function daysInFinancialYear(year: FinancialYear): number {
  const { start, end } = financialYearRange(year);
  return daysBetween(start, end);
}

/** Days of the year before `date`, clamped to the year: 0 up to 1 April, all of them from the next 1 April. */
export function daysOfYearBefore(year: FinancialYear, date: LocalDate): number {
  const { start, end } = financialYearRange(year);
  return daysBetween(start, maxDate(start, minDate(end, date)));
}

/** Period 1 is April … period 12 is March: calendar months. */
export function periodRange(year: FinancialYear, period: number): DateRange {
  if (!Number.isInteger(period) || period < 1 || period > 12) throw new RangeError('a period is 1 to 12');
  const y = startYear(year);
  const monthStart = (p: number): LocalDate => {
    const month = ((p + 2) % 12) + 1;
    const calendarYear = p <= 9 ? y : y + 1;
    return localDate(`${calendarYear}-${String(month).padStart(2, '0')}-01`);
  };
  return { start: monthStart(period), end: period === 12 ? financialYearRange(year).end : monthStart(period + 1) };
}

/** Q1 April–June, Q2 July–September, Q3 October–December, Q4 January–March. */
export function quarterRange(year: FinancialYear, quarter: number): DateRange {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError('a quarter is 1 to 4');
  return { start: periodRange(year, quarter * 3 - 2).start, end: periodRange(year, quarter * 3).end };
}

/** The week (Monday to Sunday) named by its Monday; any other day names the seven days from it. */
export function weekRange(weekCommencing: LocalDate): DateRange {
  return { start: weekCommencing, end: addDays(weekCommencing, 7) };
}

/** The period (1 = April … 12 = March) of the financial year holding `date`. */
export function periodOf(date: LocalDate): { readonly financialYear: FinancialYear; readonly period: number } {
  const month = Number(date.slice(5, 7));
  return { financialYear: financialYearOf(date), period: ((month + 8) % 12) + 1 };
}

/** The quarter (1 = April–June … 4 = January–March) of the financial year holding `date`. */
export function quarterOf(date: LocalDate): { readonly financialYear: FinancialYear; readonly quarter: number } {
  const { financialYear, period } = periodOf(date);
  return { financialYear, quarter: Math.ceil(period / 3) };
}

/** Whether `date` can name a week: weeks are named by their Monday ("week commencing"). */
export const isWeekCommencing = (date: LocalDate): boolean => isMonday(date);

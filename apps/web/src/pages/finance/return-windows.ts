import {
  addDays, financialYearStarting, isMonday, mondayOf, periodOf, periodRange, quarterOf, quarterRange,
  type FinancialYear, type LocalDate,
} from '@ledger/domain';
import type { ReturnKind } from '@ledger/reporting';
import { longDate } from '../../rendering/format';
import type { FinanceQuery } from './finance-query';

/** The days a return covers, how the page names them, and the parameters of it and its neighbours. */
export interface ReturnWindow {
  readonly kind: ReturnKind;
  readonly start: LocalDate;
  /** Exclusive. */
  readonly end: LocalDate;
  readonly heading: string;
  readonly params: Readonly<Record<string, string>>;
  readonly previous: Readonly<Record<string, string>>;
  readonly next: Readonly<Record<string, string>>;
}

const MONTHS = ['April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'January', 'February', 'March'];
const shiftYear = (year: FinancialYear, by: number) => financialYearStarting(Number(year.slice(0, 4)) + by);
const span = (start: LocalDate, end: LocalDate) => `${longDate(start)} to ${longDate(addDays(end, -1))}`;

export function weekWindow(monday: LocalDate): ReturnWindow {
  const end = addDays(monday, 7);
  return {
    kind: 'weekly', start: monday, end, heading: `Week commencing ${longDate(monday)}`,
    params: { weekCommencing: monday }, previous: { weekCommencing: addDays(monday, -7) }, next: { weekCommencing: end },
  };
}

export function monthWindow(year: FinancialYear, period: number): ReturnWindow {
  const { start, end } = periodRange(year, period);
  const month = (y: FinancialYear, p: number) => ({ financialYear: y, period: String(p) });
  return {
    kind: 'monthly', start, end, heading: `Period ${period} (${MONTHS[period - 1]} ${start.slice(0, 4)}), ${year}`,
    params: month(year, period),
    previous: period === 1 ? month(shiftYear(year, -1), 12) : month(year, period - 1),
    next: period === 12 ? month(shiftYear(year, 1), 1) : month(year, period + 1),
  };
}

export function quarterWindow(year: FinancialYear, quarter: number): ReturnWindow {
  const { start, end } = quarterRange(year, quarter);
  const q = (y: FinancialYear, n: number) => ({ financialYear: y, quarter: String(n) });
  return {
    kind: 'quarterly', start, end, heading: `Quarter ${quarter} (${span(start, end)}), ${year}`,
    params: q(year, quarter),
    previous: quarter === 1 ? q(shiftYear(year, -1), 4) : q(year, quarter - 1),
    next: quarter === 4 ? q(shiftYear(year, 1), 1) : q(year, quarter + 1),
  };
}

/** The window a page's parameters choose; the current week, period or quarter by default. */
export function windowFrom(kind: ReturnKind, query: FinanceQuery): ReturnWindow {
  const today = query.today;
  switch (kind) {
    case 'weekly': {
      const monday = query.date('weekCommencing', 'The week commencing date', mondayOf(today));
      if (!isMonday(monday)) query.fail('weekCommencing', `The week commencing date must be a Monday (weeks run Monday to Sunday); ${longDate(monday)} is not`);
      return weekWindow(isMonday(monday) ? monday : mondayOf(monday));
    }
    case 'monthly': {
      const current = periodOf(today);
      return monthWindow(query.financialYear('financialYear', current.financialYear), query.integer('period', 'The period', 1, 12, current.period));
    }
    case 'quarterly': {
      const current = quarterOf(today);
      return quarterWindow(query.financialYear('financialYear', current.financialYear), query.integer('quarter', 'The quarter', 1, 4, current.quarter));
    }
    default: {
      const unreachable: never = kind;
      throw new Error(`Unknown return kind ${String(unreachable)}`);
    }
  }
}

/** The same days seen at the other grains: the period and quarter holding a week's Monday, and so on. */
export function siblingWindows(window: ReturnWindow): Record<ReturnKind, ReturnWindow> {
  const month = periodOf(window.start);
  const quarter = quarterOf(window.start);
  // From a month or quarter, the first week that starts inside it.
  const week = window.kind === 'weekly' || isMonday(window.start) ? mondayOf(window.start) : addDays(mondayOf(window.start), 7);
  return { weekly: weekWindow(week), monthly: monthWindow(month.financialYear, month.period), quarterly: quarterWindow(quarter.financialYear, quarter.quarter) };
}

export function periodItems(selected: string) {
  return MONTHS.map((month, i) => ({ value: String(i + 1), text: `Period ${i + 1}: ${month}`, selected: String(i + 1) === selected }));
}

export function quarterItems(selected: string) {
  return ['April to June', 'July to September', 'October to December', 'January to March']
    .map((months, i) => ({ value: String(i + 1), text: `Quarter ${i + 1}: ${months}`, selected: String(i + 1) === selected }));
}

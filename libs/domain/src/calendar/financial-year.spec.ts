import fc from 'fast-check';
import { anyDate, anyFinancialYear } from '../testing/arbitraries';
import {
  daysInFinancialYear, daysOfYearBefore, financialYear, financialYearOf, financialYearRange, isFinancialYear, periodOf, periodRange,
  quarterOf, quarterRange, weekRange, type DateRange,
} from './financial-year';
import { addDays, daysBetween, localDate, mondayOf } from './local-date';

const tiles = (ranges: DateRange[], whole: DateRange): boolean =>
  ranges[0].start === whole.start && ranges[ranges.length - 1].end === whole.end
  && ranges.every((r, i) => r.start < r.end && (i === 0 || r.start === ranges[i - 1].end));

describe('a financial year', () => {
  it('runs 2026-27 from 1 April 2026 to 31 March 2027 inclusive (end exclusive: 1 April 2027)', () => {
    expect(financialYearRange(financialYear('2026-27'))).toEqual({ start: '2026-04-01', end: '2027-04-01' });
    expect(financialYearOf(localDate('2027-03-31'))).toBe('2026-27');
    expect(financialYearOf(localDate('2027-04-01'))).toBe('2027-28');
  });

  it('has 366 days when it holds 29 February', () => {
    expect(daysInFinancialYear(financialYear('2026-27'))).toBe(365);
    expect(daysInFinancialYear(financialYear('2027-28'))).toBe(366);
  });

  it.each([['2026-27', true], ['1999-00', true], ['2026-28', false], ['2026/27', false], ['26-27', false], ['2026-2027', false]])(
    'reads %p as a year name: %p', (text, ok) => {
      expect(isFinancialYear(text)).toBe(ok);
      if (!ok) expect(() => financialYear(text)).toThrow(RangeError);
    });

  it('holds every date it is named for', () => {
    fc.assert(fc.property(anyDate, (date) => {
      const { start, end } = financialYearRange(financialYearOf(date));
      return start <= date && date < end;
    }));
  });

  it('counts days before a date, clamped to the year', () => {
    const year = financialYear('2026-27');
    expect([daysOfYearBefore(year, localDate('2026-01-01')), daysOfYearBefore(year, localDate('2026-04-02')),
      daysOfYearBefore(year, localDate('2027-04-01')), daysOfYearBefore(year, localDate('2030-01-01'))]).toEqual([0, 1, 365, 365]);
  });
});

describe('periods, quarters and weeks', () => {
  const year = financialYear('2026-27');

  it('makes P1 April and P12 March, Q1 April–June and Q4 January–March', () => {
    expect(periodRange(year, 1)).toEqual({ start: '2026-04-01', end: '2026-05-01' });
    expect(periodRange(year, 9)).toEqual({ start: '2026-12-01', end: '2027-01-01' });
    expect(periodRange(year, 12)).toEqual({ start: '2027-03-01', end: '2027-04-01' });
    expect(quarterRange(year, 1)).toEqual({ start: '2026-04-01', end: '2026-07-01' });
    expect(quarterRange(year, 4)).toEqual({ start: '2027-01-01', end: '2027-04-01' });
  });

  it.each([0, 13, 1.5])('refuses period %p', (period) => {
    expect(() => periodRange(year, period)).toThrow(RangeError);
  });

  it.each([0, 5])('refuses quarter %p', (quarter) => {
    expect(() => quarterRange(year, quarter)).toThrow(RangeError);
  });

  it('tiles every year exactly with its twelve periods and its four quarters', () => {
    fc.assert(fc.property(anyFinancialYear, (fy) => {
      const whole = financialYearRange(fy);
      return tiles(Array.from({ length: 12 }, (_, i) => periodRange(fy, i + 1)), whole)
        && tiles(Array.from({ length: 4 }, (_, i) => quarterRange(fy, i + 1)), whole);
    }));
  });

  it('finds the period and quarter holding a date', () => {
    expect(periodOf(localDate('2027-03-31'))).toEqual({ financialYear: '2026-27', period: 12 });
    expect(quarterOf(localDate('2026-10-01'))).toEqual({ financialYear: '2026-27', quarter: 3 });
    fc.assert(fc.property(anyDate, (date) => {
      const { financialYear: fy, period } = periodOf(date);
      const { quarter } = quarterOf(date);
      const p = periodRange(fy, period);
      const q = quarterRange(fy, quarter);
      return p.start <= date && date < p.end && q.start <= date && date < q.end;
    }));
  });

  it('makes consecutive weeks contiguous, seven days each, Monday to Sunday', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: 1, max: 60 }), (date, count) => {
      const weeks = Array.from({ length: count }, (_, i) => weekRange(addDays(mondayOf(date), 7 * i)));
      return tiles(weeks, { start: mondayOf(date), end: addDays(mondayOf(date), 7 * count) })
        && weeks.every((w) => daysBetween(w.start, w.end) === 7);
    }));
  });
});

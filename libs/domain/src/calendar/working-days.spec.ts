import fc from 'fast-check';
import { datesBetween } from '../testing/arbitraries';
import { dayOfWeek, daysBetween, localDate } from './local-date';
import { addWorkingDays, BANK_HOLIDAY_TABLE_YEARS, bankHolidaysByRule, bankHolidaysEnglandAndWales, isWorkingDay } from './working-days';

const ONE_OFF_YEARS = new Set([2020, 2022, 2023]);

describe('bank holidays in England and Wales', () => {
  it('knows 2026, Boxing Day on a Saturday substituted to Monday 28 December', () => {
    expect([...bankHolidaysEnglandAndWales(2026)].sort()).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
  });

  it('knows the one-off holidays of 2020, 2022 and 2023 from the published table', () => {
    const has = (date: string) => bankHolidaysEnglandAndWales(Number(date.slice(0, 4))).has(date);
    expect(['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08'].every(has)).toBe(true);
    expect(['2020-05-04', '2022-05-30'].some(has)).toBe(false);
  });

  it('agrees with the standing rules in every tabled year without a one-off change', () => {
    for (let year = BANK_HOLIDAY_TABLE_YEARS.first; year <= BANK_HOLIDAY_TABLE_YEARS.last; year += 1) {
      if (ONE_OFF_YEARS.has(year)) continue;
      expect([...bankHolidaysEnglandAndWales(year)].sort()).toEqual([...bankHolidaysByRule(year)].sort());
    }
  });

  it('falls back to the rules outside the table, and never lands on a weekend', () => {
    expect(bankHolidaysEnglandAndWales(2033).has('2033-04-15')).toBe(true); // Good Friday 2033
    for (let year = 2015; year <= 2040; year += 1) {
      for (const day of bankHolidaysEnglandAndWales(year)) expect(dayOfWeek(localDate(day))).toBeLessThanOrEqual(5);
    }
  });
});

describe('working days', () => {
  it('are Monday to Friday except bank holidays', () => {
    expect(['2026-04-02', '2026-04-07'].map((d) => isWorkingDay(localDate(d)))).toEqual([true, true]);
    expect(['2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06'].map((d) => isWorkingDay(localDate(d)))).toEqual([false, false, false, false]);
  });

  it('counts five working days from the Thursday before Easter past the long weekend', () => {
    expect(addWorkingDays(localDate('2026-04-02'), 5)).toBe('2026-04-13');
  });

  it('counts from a weekend day to the working days after it, and backwards when negative', () => {
    expect(addWorkingDays(localDate('2026-11-21'), 1)).toBe('2026-11-23');
    expect(addWorkingDays(localDate('2026-11-23'), -1)).toBe('2026-11-20');
    expect(addWorkingDays(localDate('2026-11-21'), 0)).toBe('2026-11-21');
  });

  it('steps forward then back by the same count to the same working day', () => {
    fc.assert(fc.property(datesBetween('2020-01-01', '2032-06-30').filter(isWorkingDay), fc.integer({ min: 0, max: 60 }), (date, n) => {
      const later = addWorkingDays(date, n);
      return addWorkingDays(later, -n) === date && isWorkingDay(later) && daysBetween(date, later) >= n;
    }));
  });

  it('refuses a fractional count', () => {
    expect(() => addWorkingDays(localDate('2026-11-23'), 1.5)).toThrow(RangeError);
  });
});

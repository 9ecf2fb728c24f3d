import fc from 'fast-check';
import {
  addDays, addWorkingDays, bankHolidaysEnglandAndWales, daysBetween, daysInFinancialYear, dayOfWeek, financialYear,
  financialYearOf, financialYearRange, fromEpochDay, isFinancialYear, isLocalDate, localDate, mondayOf, periodRange,
  quarterRange, toEpochDay, todayIn, weekRange, type LocalDate,
} from './index';

const dates = fc.integer({ min: toEpochDay(localDate('2000-01-01')), max: toEpochDay(localDate('2060-12-31')) }).map(fromEpochDay);
const years = fc.integer({ min: 2000, max: 2060 }).map((y) => financialYear(`${y}-${String((y + 1) % 100).padStart(2, '0')}`));

describe('calendar dates', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-1-01', '26-01-01', '2026-02-29'])('refuses %s', (text) => {
    expect(isLocalDate(text)).toBe(false);
    expect(() => localDate(text)).toThrow(RangeError);
  });

  it('accepts 29 February in a leap year', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
  });

  it('adds and counts whole days as inverses', () => {
    fc.assert(fc.property(dates, fc.integer({ min: -5000, max: 5000 }), (date, n) =>
      daysBetween(date, addDays(date, n)) === n && localDate(addDays(date, n)) === addDays(date, n)));
  });

  it('never moves a day across the clock change (whole days, not instants)', () => {
    expect(addDays(localDate('2027-03-27'), 1)).toBe('2027-03-28');
    expect(daysBetween(localDate('2026-10-24'), localDate('2026-10-26'))).toBe(2);
  });

  it('names each week by its Monday', () => {
    expect(mondayOf(localDate('2026-11-22'))).toBe('2026-11-16');
    fc.assert(fc.property(dates, (date) => dayOfWeek(mondayOf(date)) === 1 && daysBetween(mondayOf(date), date) < 7));
  });

  it('takes "today" in Europe/London from an instant', () => {
    expect(todayIn('2026-06-30T23:30:00Z')).toBe('2026-07-01');
    expect(todayIn('2026-12-31T23:30:00Z')).toBe('2026-12-31');
  });
});

describe('financial years, periods, quarters and weeks', () => {
  it('runs 2026-27 from 1 April 2026 to 31 March 2027 inclusive', () => {
    expect(financialYearRange(financialYear('2026-27'))).toEqual({ start: '2026-04-01', end: '2027-04-01' });
    expect(daysInFinancialYear(financialYear('2027-28'))).toBe(366);
    expect(financialYearOf(localDate('2027-03-31'))).toBe('2026-27');
    expect(financialYearOf(localDate('2027-04-01'))).toBe('2027-28');
  });

  it('recognises financial year names', () => {
    expect(['2026-27', '1999-00'].map(isFinancialYear)).toEqual([true, true]);
    expect(['2026-28', '2026/27', '26-27'].map(isFinancialYear)).toEqual([false, false, false]);
  });

  it('makes P1 April and P12 March, Q1 April–June and Q4 January–March', () => {
    const year = financialYear('2026-27');
    expect(periodRange(year, 1)).toEqual({ start: '2026-04-01', end: '2026-05-01' });
    expect(periodRange(year, 12)).toEqual({ start: '2027-03-01', end: '2027-04-01' });
    expect(quarterRange(year, 1)).toEqual({ start: '2026-04-01', end: '2026-07-01' });
    expect(quarterRange(year, 4)).toEqual({ start: '2027-01-01', end: '2027-04-01' });
  });

  it('tiles every year exactly with its twelve periods and its four quarters', () => {
    fc.assert(fc.property(years, (year) => {
      const { start, end } = financialYearRange(year);
      const periods = Array.from({ length: 12 }, (_, i) => periodRange(year, i + 1));
      const quarters = Array.from({ length: 4 }, (_, i) => quarterRange(year, i + 1));
      const tiles = (ranges: { start: LocalDate; end: LocalDate }[]) =>
        ranges[0].start === start && ranges[ranges.length - 1].end === end && ranges.every((r, i) => i === 0 || r.start === ranges[i - 1].end);
      return tiles(periods) && tiles(quarters);
    }));
  });

  it('makes consecutive weeks contiguous, seven days each', () => {
    fc.assert(fc.property(dates, (date) => {
      const week = weekRange(mondayOf(date));
      return daysBetween(week.start, week.end) === 7 && weekRange(week.end).start === week.end;
    }));
  });
});

describe('working days in England and Wales', () => {
  it('knows the 2026 bank holidays, Boxing Day substituted to Monday 28 December', () => {
    expect([...bankHolidaysEnglandAndWales(2026)].sort()).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
  });

  it('knows the one-off holidays of 2022 and 2023', () => {
    expect(bankHolidaysEnglandAndWales(2022).has('2022-09-19')).toBe(true);
    expect(bankHolidaysEnglandAndWales(2022).has('2022-05-30')).toBe(false);
    expect(bankHolidaysEnglandAndWales(2023).has('2023-05-08')).toBe(true);
  });

  it('counts five working days from a Thursday before Easter past the long weekend', () => {
    expect(addWorkingDays(localDate('2026-04-02'), 5)).toBe('2026-04-13');
  });
});

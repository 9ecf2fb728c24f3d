import fc from 'fast-check';
import { anyDate } from '../testing/arbitraries';
import {
  addDays, compareDates, dayOfWeek, daysBetween, fromEpochDay, isLocalDate, isMonday, localDate, maxDate, minDate,
  mondayOf, toEpochDay, todayIn,
} from './local-date';

describe('a calendar date written YYYY-MM-DD', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', '26-01-01', '2026-02-29', '2026-04-01T00:00', ''])(
    'refuses %p', (text) => {
      expect(isLocalDate(text)).toBe(false);
      expect(() => localDate(text)).toThrow(RangeError);
    });

  it.each(['2028-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (text) => {
    expect(localDate(text)).toBe(text);
  });

  it('round-trips through its epoch-day number and back to the same text', () => {
    fc.assert(fc.property(anyDate, (date) => fromEpochDay(toEpochDay(date)) === date && localDate(date) === date));
    expect(toEpochDay(localDate('1970-01-01'))).toBe(0);
    expect(fromEpochDay(20_454)).toBe('2026-01-01');
  });
});

describe('whole-day arithmetic', () => {
  it('adds and counts days as inverses', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (date, n) =>
      daysBetween(date, addDays(date, n)) === n && addDays(addDays(date, n), -n) === date));
  });

  it('never moves a day across the clock changes (whole days, not instants)', () => {
    expect(addDays(localDate('2027-03-27'), 1)).toBe('2027-03-28');
    expect(addDays(localDate('2026-03-29'), 1)).toBe('2026-03-30');
    expect(daysBetween(localDate('2026-10-24'), localDate('2026-10-26'))).toBe(2);
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays(localDate('2028-02-28'), 1)).toBe('2028-02-29');
    expect(addDays(localDate('2027-02-28'), 1)).toBe('2027-03-01');
    expect(addDays(localDate('2026-12-31'), 1)).toBe('2027-01-01');
    expect(daysBetween(localDate('2026-04-01'), localDate('2027-04-01'))).toBe(365);
  });

  it('orders dates as their text orders them', () => {
    fc.assert(fc.property(anyDate, anyDate, (a, b) =>
      Math.sign(compareDates(a, b)) === Math.sign(daysBetween(b, a)) && minDate(a, b) <= maxDate(a, b)
      && [a, b].includes(minDate(a, b)) && [a, b].includes(maxDate(a, b))));
  });
});

describe('days of the week', () => {
  it('knows Sunday 22 November 2026 is day 7 and Monday 16 November is day 1', () => {
    expect(dayOfWeek(localDate('2026-11-22'))).toBe(7);
    expect(dayOfWeek(localDate('2026-11-16'))).toBe(1);
    expect(isMonday(localDate('2026-11-16'))).toBe(true);
  });

  it('names each week by its Monday', () => {
    expect(mondayOf(localDate('2026-11-22'))).toBe('2026-11-16');
    expect(mondayOf(localDate('2026-11-16'))).toBe('2026-11-16');
    fc.assert(fc.property(anyDate, (date) => isMonday(mondayOf(date)) && daysBetween(mondayOf(date), date) >= 0 && daysBetween(mondayOf(date), date) < 7));
  });
});

describe('today in a time zone, from an instant handed in', () => {
  it('is tomorrow in London an hour before UTC midnight in summer', () => {
    expect(todayIn('2026-06-30T23:30:00Z')).toBe('2026-07-01');
    expect(todayIn(new Date('2026-06-30T22:59:59Z'))).toBe('2026-06-30');
  });

  it('is the UTC date in winter, and the zone can be chosen', () => {
    expect(todayIn('2026-12-31T23:30:00Z')).toBe('2026-12-31');
    expect(todayIn('2026-12-31T23:30:00Z', 'Europe/Berlin')).toBe('2027-01-01');
  });

  it('refuses an instant that is not one', () => {
    expect(() => todayIn('yesterday')).toThrow(RangeError);
  });
});

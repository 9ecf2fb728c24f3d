import { addDays, dayOfWeek, localDate, type LocalDate } from './local-date';

/**
 * Bank holidays in England and Wales, 2020–2032, as month-day. Source: GOV.UK, "UK bank holidays"
 * (https://www.gov.uk/bank-holidays, england-and-wales in bank-holidays.json) for 2020–2027, which
 * includes the one-off days: VE Day moved to 8 May 2020, the Platinum Jubilee (2–3 June 2022, the
 * late May holiday moved), the State Funeral (19 September 2022) and the Coronation (8 May 2023).
 * 2028–2032 are not yet proclaimed: they follow the Banking and Financial Dealings Act 1971 and the
 * usual substitute days, and must be checked against GOV.UK when proclaimed. Outside the table the
 * same rules are computed (`bankHolidaysByRule`).
 */
const TABLE: Readonly<Record<number, readonly string[]>> = {
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2028: ['01-03', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26'],
  2029: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2030: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2031: ['01-01', '04-11', '04-14', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2032: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
};

export const BANK_HOLIDAY_TABLE_YEARS = { first: 2020, last: 2032 } as const;

/** Easter Sunday (anonymous Gregorian algorithm). */
function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return localDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

const iso = (year: number, month: number, day: number) =>
  localDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

function firstMonday(year: number, month: number): LocalDate {
  const first = iso(year, month, 1);
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number): LocalDate {
  const last = addDays(iso(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

function christmasAndBoxingDay(year: number): LocalDate[] {
  const christmas = iso(year, 12, 25);
  switch (dayOfWeek(christmas)) {
    case 5: return [christmas, iso(year, 12, 28)];
    case 6: return [iso(year, 12, 27), iso(year, 12, 28)];
    case 7: return [iso(year, 12, 26), iso(year, 12, 27)];
    default: return [christmas, iso(year, 12, 26)];
  }
}

function newYear(year: number): LocalDate {
  const day = iso(year, 1, 1);
  const weekday = dayOfWeek(day);
  return weekday === 6 ? addDays(day, 2) : weekday === 7 ? addDays(day, 1) : day;
}

/** The standing rules alone: New Year, Easter, the May and August Mondays, Christmas, with substitutes. */
export function bankHolidaysByRule(year: number): ReadonlySet<string> {
  const easter = easterSunday(year);
  return new Set<string>([
    newYear(year), addDays(easter, -2), addDays(easter, 1), firstMonday(year, 5), lastMonday(year, 5),
    lastMonday(year, 8), ...christmasAndBoxingDay(year),
  ]);
}

const cache = new Map<number, ReadonlySet<string>>();

export function bankHolidaysEnglandAndWales(year: number): ReadonlySet<string> {
  const cached = cache.get(year);
  if (cached !== undefined) return cached;
  const listed = TABLE[year];
  const days = listed === undefined ? bankHolidaysByRule(year) : new Set(listed.map((monthDay) => `${year}-${monthDay}`));
  cache.set(year, days);
  return days;
}

/** Monday to Friday and not a bank holiday in England and Wales. */
export function isWorkingDay(date: LocalDate): boolean {
  return dayOfWeek(date) <= 5 && !bankHolidaysEnglandAndWales(Number(date.slice(0, 4))).has(date);
}

/**
 * The date `n` working days after `date` (before it when `n` is negative); `date` itself need not
 * be a working day. An emergency commission's in-house search is due by `addWorkingDays(startDate, 5)`.
 */
export function addWorkingDays(date: LocalDate, n: number): LocalDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${n} is not a whole number of working days`);
  const step = n < 0 ? -1 : 1;
  let current = date;
  for (let counted = 0; counted < Math.abs(n); ) {
    current = addDays(current, step);
    if (isWorkingDay(current)) counted += 1;
  }
  return current;
}

import { addDays, dayOfWeek, localDate, type LocalDate } from './local-date';

/**
 * Bank holidays in England and Wales, by the rules of the Banking and Financial Dealings Act 1971
 * and royal proclamation (substitute days when a holiday falls at a weekend), with the one-off
 * changes of 2020 (VE Day), 2022 (Platinum Jubilee, State Funeral) and 2023 (Coronation), as
 * published on GOV.UK's bank-holidays list.
 */
const ONE_OFF: Readonly<Record<number, { add: string[]; remove: string[] }>> = {
  2020: { add: ['2020-05-08'], remove: ['2020-05-04'] },
  2022: { add: ['2022-06-02', '2022-06-03', '2022-09-19'], remove: ['2022-05-30'] },
  2023: { add: ['2023-05-08'], remove: [] },
};

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

const cache = new Map<number, ReadonlySet<string>>();

export function bankHolidaysEnglandAndWales(year: number): ReadonlySet<string> {
  const cached = cache.get(year);
  if (cached !== undefined) return cached;
  const easter = easterSunday(year);
  const days = new Set<string>([
    newYear(year), addDays(easter, -2), addDays(easter, 1), firstMonday(year, 5), lastMonday(year, 5),
    lastMonday(year, 8), ...christmasAndBoxingDay(year),
  ]);
  for (const removed of ONE_OFF[year]?.remove ?? []) days.delete(removed);
  for (const added of ONE_OFF[year]?.add ?? []) days.add(added);
  cache.set(year, days);
  return days;
}

export function isWorkingDay(date: LocalDate): boolean {
  return dayOfWeek(date) <= 5 && !bankHolidaysEnglandAndWales(Number(date.slice(0, 4))).has(date);
}

/** The date `n` working days after `date` (Monday to Friday, bank holidays excluded). */
export function addWorkingDays(date: LocalDate, n: number): LocalDate {
  let current = date;
  for (let counted = 0; counted < n; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) counted += 1;
  }
  return current;
}

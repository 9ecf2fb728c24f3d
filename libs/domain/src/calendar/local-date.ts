/**
 * A calendar date, `YYYY-MM-DD`, with no time or zone. Business dates (start, end, effective,
 * reviewed) are these; arithmetic is on whole days, so daylight saving can never move a cost.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isLocalDate(value: string): boolean {
  const match = PATTERN.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function localDate(value: string): LocalDate {
  if (!isLocalDate(value)) throw new RangeError(`"${value}" is not a real date written YYYY-MM-DD`);
  return value as LocalDate;
}

/** Parsed dates, kept because returns over tens of thousands of placements ask for the same few thousand. */
const epochDays = new Map<string, number>();
const dates = new Map<number, LocalDate>();
const CACHE_LIMIT = 200_000;

/** Days since 1970-01-01: the integer all date arithmetic goes through. */
export function toEpochDay(date: LocalDate): number {
  const cached = epochDays.get(date);
  if (cached !== undefined) return cached;
  const match = PATTERN.exec(date);
  if (match === null) throw new RangeError(`"${date}" is not a date`);
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
  if (epochDays.size >= CACHE_LIMIT) epochDays.clear();
  epochDays.set(date, day);
  return day;
}

export function fromEpochDay(day: number): LocalDate {
  const cached = dates.get(day);
  if (cached !== undefined) return cached;
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10) as LocalDate;
  if (dates.size >= CACHE_LIMIT) dates.clear();
  dates.set(day, date);
  return date;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);
export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);

/** 1 = Monday … 7 = Sunday (ISO). */
export function dayOfWeek(date: LocalDate): number {
  return ((toEpochDay(date) + 3) % 7 + 7) % 7 + 1;
}

export const isMonday = (date: LocalDate): boolean => dayOfWeek(date) === 1;

/** The Monday that names the week (Monday to Sunday) containing `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - dayOfWeek(date));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone: building one costs far more than formatting with it. */
function dateFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format;
}

/** Today's date in a time zone (Europe/London by default), from an instant handed in by the caller. */
export function todayIn(instant: Date | string, timeZone = 'Europe/London'): LocalDate {
  const parts = dateFormatIn(timeZone).formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return localDate(`${get('year')}-${get('month')}-${get('day')}`);
}

/**
 * Plain UTC arithmetic on `YYYY-MM-DD` text, private to the demo generator (it must not depend on
 * the domain's calendar, which is being changed). Whole days only; no clock is read.
 */
const DAY_MS = 86_400_000;

const epochDay = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const fromEpochDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromEpochDay(epochDay(date) + days);
export const daysBetween = (from: string, to: string): number => epochDay(to) - epochDay(from);
export const minDate = (a: string, b: string): string => (a <= b ? a : b);
export const maxDate = (a: string, b: string): string => (a >= b ? a : b);

/** Monday to Friday (bank holidays are not counted out: the demo only needs "about n working days"). */
export const isWeekday = (date: string): boolean => {
  const weekday = new Date(epochDay(date) * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** The date `count` weekdays after `date`. */
export function addWorkingDays(date: string, count: number): string {
  let day = date;
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    if (isWeekday(day)) left -= 1;
  }
  return day;
}

/**
 * An instant on `date` in office hours, written as UTC. Between 09:00 and 17:00 UTC the London date
 * is the same as the UTC date all year, so the decider's "today" is `date`.
 */
export function at(date: string, hour: number, minute = 0, second = 0): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date}T${two(hour)}:${two(minute)}:${two(second)}.000Z`;
}

/** The financial year (`2026-27`, April to March) containing `date`, as the half-open [start, end). */
export function financialYearOf(date: string): { name: string; start: string; end: string } {
  const year = Number(date.slice(0, 4));
  const first = Number(date.slice(5, 7)) >= 4 ? year : year - 1;
  return { name: `${first}-${String((first + 1) % 100).padStart(2, '0')}`, start: `${first}-04-01`, end: `${first + 1}-04-01` };
}

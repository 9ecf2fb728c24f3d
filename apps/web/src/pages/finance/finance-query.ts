import { TZDate } from '@date-fns/tz';
import { isISO8601 } from 'class-validator';
import { isLedgerFinancialYear } from '../../../../api/src/http/validators';
import { financialYear, isLocalDate, localDate, todayIn, type FinancialYear, type LocalDate } from '@ledger/domain';
import { dateFieldValues, FormReader } from '../../forms/form-reader';
import { errorsView, type ErrorsView } from '../../forms/form-submission';

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** An instant's wall-clock date and time in the council's zone, for refilling a date-and-time choice. */
export function zonedParts(at: Date, timeZone: string): { date: LocalDate; time: string } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at).map((part) => [part.type, part.value]));
  return { date: localDate(`${parts.year}-${parts.month}-${parts.day}`), time: `${parts.hour}:${parts.minute}` };
}

/**
 * The parameters of a figures page, read from its query string: each as the API spells it (`asAt`,
 * `weekCommencing=2026-11-16`) or as the page's own GOV.UK date inputs sent it (`asAt-day`, `-month`,
 * `-year`, `asAt-time`), else a default. Problems are noted against the field, as a form's are.
 */
export class FinanceQuery {
  private readonly form: FormReader;
  /** What to show in the choice forms: the value used, or what was typed when it could not be read. */
  readonly values: Record<string, string> = {};

  readonly now: Date;
  readonly timeZone: string;

  constructor(query: Readonly<Record<string, unknown>>, time: { now(): Date; readonly timeZone: string }) {
    this.form = new FormReader(query);
    this.now = time.now();
    this.timeZone = time.timeZone;
  }

  get today(): LocalDate {
    return todayIn(this.now, this.timeZone);
  }

  get failed(): boolean {
    return this.form.errors.length > 0;
  }

  raw(name: string): string {
    return this.form.raw(name);
  }

  errors(dateFields: readonly string[]): ErrorsView {
    return errorsView(this.form.errors, { labels: {}, dateFields });
  }

  fail(field: string, message: string): undefined {
    return this.form.fail(field, message);
  }

  financialYear(name: string, fallback: FinancialYear): FinancialYear {
    const typed = this.form.raw(name);
    this.values[name] = typed === '' ? fallback : typed;
    if (typed === '') return fallback;
    if (isLedgerFinancialYear(typed)) return financialYear(typed);
    this.form.fail(name, 'Enter a financial year from 2000-01 to 2098-99, written like 2026-27 (1 April 2026 to 31 March 2027)');
    return fallback;
  }

  integer(name: string, label: string, min: number, max: number, fallback: number): number {
    const typed = this.form.raw(name);
    this.values[name] = typed === '' ? String(fallback) : typed;
    if (typed === '') return fallback;
    if (/^\d{1,3}$/.test(typed) && Number(typed) >= min && Number(typed) <= max) return Number(typed);
    this.form.fail(name, `${label} must be a whole number from ${min} to ${max}`);
    return fallback;
  }

  /** A calendar date: `name=YYYY-MM-DD`, or the date input's three boxes. */
  date(name: string, label: string, fallback: LocalDate): LocalDate {
    const typed = this.form.raw(name);
    const boxes = ['day', 'month', 'year'].some((part) => this.form.raw(`${name}-${part}`) !== '');
    let value: LocalDate | undefined = fallback;
    if (typed !== '') value = isLocalDate(typed) ? localDate(typed) : this.form.fail(name, `${label} must be a real date, like 2026-11-16`);
    else if (boxes) {
      const read = this.form.date(name, label.toLowerCase());
      value = read === undefined ? undefined : localDate(read);
    }
    Object.assign(this.values, value === undefined ? this.typedBoxes(name) : dateFieldValues(name, value));
    return value ?? fallback;
  }

  /**
   * An instant: `name` in ISO 8601 (as the API takes it), or a date and an optional 24-hour time in
   * the council's zone; a date without a time means the end of that day. `chosen` says whether the
   * visitor picked one, so links can keep it.
   */
  instant(name: string, label: string, fallback: Date, options: { showDefault?: boolean } = {}): { at: Date; chosen: boolean } {
    const typed = this.form.raw(name);
    const boxes = ['day', 'month', 'year', 'time'].some((part) => this.form.raw(`${name}-${part}`) !== '');
    let at: Date | undefined;
    if (typed !== '') {
      at = isISO8601(typed, { strict: true }) && !Number.isNaN(Date.parse(typed)) ? new Date(typed) : undefined;
      if (at === undefined) this.form.fail(name, `${label} must be a date and time, like 2026-11-20T17:30:00Z`);
    } else if (boxes) {
      at = this.zonedInstant(name, label);
    }
    if (at === undefined && (typed !== '' || boxes || options.showDefault !== true)) {
      Object.assign(this.values, this.typedBoxes(name), { [`${name}-time`]: this.form.raw(`${name}-time`) });
      return { at: fallback, chosen: false };
    }
    const parts = zonedParts(at ?? fallback, this.timeZone);
    Object.assign(this.values, dateFieldValues(name, parts.date), { [`${name}-time`]: parts.time });
    return at === undefined ? { at: fallback, chosen: false } : { at, chosen: true };
  }

  private zonedInstant(name: string, label: string): Date | undefined {
    const day = this.form.date(name, label.toLowerCase());
    const time = this.form.raw(`${name}-time`);
    const match = TIME.exec(time);
    if (time !== '' && match === null) return this.form.fail(name, `${label}: enter the time on the 24-hour clock, like 17:30`);
    if (day === undefined) return undefined;
    const [y, m, d] = day.split('-').map(Number);
    if (match === null) return new Date(new TZDate(y, m - 1, d + 1, 0, 0, this.timeZone).getTime() - 1);
    return new Date(new TZDate(y, m - 1, d, Number(match[1]), Number(match[2]), this.timeZone).getTime());
  }

  private typedBoxes(name: string): Record<string, string> {
    return Object.fromEntries(['day', 'month', 'year'].map((part) => [`${name}-${part}`, this.form.raw(`${name}-${part}`)]));
  }
}

/** A query string from parameters, leaving out blanks. */
export function queryString(params: Readonly<Record<string, string | undefined>>): string {
  const entries = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`;
}

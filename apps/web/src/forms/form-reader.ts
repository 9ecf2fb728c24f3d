import { isLocalDate, parsePounds } from '@ledger/domain';

/** One problem with what was typed, against the form's own field name (`weeklyRate`, `startDate`). */
export interface FormError {
  readonly field: string;
  readonly message: string;
}

/** The raw values of a form, as typed, to fill it again when it is shown with errors. */
export type FormValues = Readonly<Record<string, string>>;

const POUNDS_PROBLEMS: Record<string, string> = {
  empty: 'Enter an amount in pounds, like 1,150.50',
  'not-a-number': 'Enter the amount in pounds and pence, like 1,150.50',
  'too-many-decimals': 'Enter the amount to the nearest penny, with no more than 2 decimal places',
  negative: 'Enter an amount of zero or more',
};

/**
 * Reads a posted form (flat string fields: GOV.UK date inputs as `x-day`, `x-month`, `x-year`, money in
 * pounds under the API's name without `Pence`, nested fields with a dot) into the API's body shape.
 * Each reader notes a plain-English error against the field and returns undefined when it cannot read it.
 */
export class FormReader {
  readonly errors: FormError[] = [];

  constructor(private readonly body: Readonly<Record<string, unknown>>) {}

  raw(name: string): string {
    const value = this.body[name];
    return typeof value === 'string' ? value.trim() : Array.isArray(value) && typeof value[0] === 'string' ? value[0].trim() : '';
  }

  /** Every field as typed (not the CSRF token), for refilling the form. */
  values(): FormValues {
    return Object.fromEntries(Object.keys(this.body).filter((key) => key !== '_csrf').map((key) => [key, this.raw(key)]));
  }

  fail(field: string, message: string): undefined {
    if (!this.errors.some((error) => error.field === field)) this.errors.push({ field, message });
    return undefined;
  }

  /** Text, or undefined when blank; `required` gives the message to show when it is blank. */
  text(name: string, required?: string): string | undefined {
    const value = this.raw(name);
    if (value === '') return required === undefined ? undefined : this.fail(name, required);
    return value;
  }

  choice<T extends string>(name: string, allowed: readonly T[], required: string): T | undefined {
    const value = this.raw(name);
    return (allowed as readonly string[]).includes(value) ? (value as T) : this.fail(name, required);
  }

  /** A whole number, written with digits only. */
  integer(name: string, label: string, options: { required?: boolean; min?: number; max?: number } = {}): number | undefined {
    const value = this.raw(name).replace(/,/g, '');
    if (value === '') return options.required === false ? undefined : this.fail(name, `Enter ${label}`);
    if (!/^\d{1,15}$/.test(value)) return this.fail(name, `${capitalise(label)} must be a whole number, like 12`);
    const number = Number(value);
    if (options.min !== undefined && number < options.min) return this.fail(name, `${capitalise(label)} must be ${options.min} or more`);
    if (options.max !== undefined && number > options.max) return this.fail(name, `${capitalise(label)} must be ${options.max} or less`);
    return number;
  }

  /** Pounds as people type them (`1150`, `1,150.50`, `£1,150.50`) to integer pence, exactly. */
  pence(name: string, label: string, options: { required?: boolean; min?: number } = {}): number | undefined {
    const typed = this.raw(name);
    if (typed === '' && options.required === false) return undefined;
    const parsed = parsePounds(typed);
    if (!parsed.ok) return this.fail(name, parsed.problem === 'empty' ? `Enter ${label} in pounds, like 1,150.50` : POUNDS_PROBLEMS[parsed.problem]);
    if (options.min !== undefined && parsed.pence < options.min) return this.fail(name, `${capitalise(label)} must be more than £0.00`);
    return parsed.pence;
  }

  /** A GOV.UK date input (`name-day`, `name-month`, `name-year`) to YYYY-MM-DD. */
  date(name: string, label: string, options: { required?: boolean } = {}): string | undefined {
    const [day, month, year] = ['day', 'month', 'year'].map((part) => this.raw(`${name}-${part}`));
    if (day === '' && month === '' && year === '') return options.required === false ? undefined : this.fail(name, `Enter ${label}`);
    const missing = [['day', day], ['month', month], ['year', year]].filter(([, value]) => value === '').map(([part]) => part);
    if (missing.length > 0) return this.fail(name, `${capitalise(label)} must include a ${missing.join(' and ')}`);
    if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return this.fail(name, `${capitalise(label)} must be a real date, like 27 3 2027`);
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    if (!isLocalDate(iso)) return this.fail(name, `${capitalise(label)} must be a real date, like 27 3 2027`);
    return iso;
  }
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Fills the three GOV.UK date fields from YYYY-MM-DD, for a form shown with a value already chosen. */
export function dateFieldValues(name: string, value: string | undefined): Record<string, string> {
  const match = value === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return {};
  return { [`${name}-day`]: String(Number(match[3])), [`${name}-month`]: String(Number(match[2])), [`${name}-year`]: match[1] };
}

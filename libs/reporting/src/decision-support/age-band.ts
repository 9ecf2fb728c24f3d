import type { LocalDate } from '@ledger/domain';

/** The age bands the DfE's looked-after children statistics use, and the views group by. */
export const AGE_BANDS = ['0-4', '5-9', '10-11', '12-15', '16+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * The child's age on `date`, from the age recorded at the request: whole years added from the date the
 * placement was required. The ledger holds no date of birth (it never holds what identifies a child),
 * so this can be up to a year young; the bands are wide enough for that.
 */
export function ageOn(ageAtRequest: number, requiredFrom: LocalDate, date: LocalDate): number {
  if (date <= requiredFrom) return ageAtRequest;
  const years = Number(date.slice(0, 4)) - Number(requiredFrom.slice(0, 4));
  const beforeAnniversary = date.slice(5) < requiredFrom.slice(5);
  return ageAtRequest + years - (beforeAnniversary ? 1 : 0);
}

export function ageBandOf(age: number): AgeBand {
  if (age <= 4) return '0-4';
  if (age <= 9) return '5-9';
  if (age <= 11) return '10-11';
  if (age <= 15) return '12-15';
  return '16+';
}

/** An age range a question names: a band (`12-15`), or an open one such as `12+` (12 and over). */
export interface AgeRange { readonly from: number; readonly to: number; readonly label: string }

/** `12+`, `5-9` or a single age; undefined when it is none of these, so the caller can refuse it. */
export function parseAgeRange(text: string): AgeRange | undefined {
  const open = /^(\d{1,2})\+$/.exec(text);
  if (open !== null) return { from: Number(open[1]), to: Number.POSITIVE_INFINITY, label: text };
  const closed = /^(\d{1,2})-(\d{1,2})$/.exec(text);
  if (closed !== null && Number(closed[1]) <= Number(closed[2])) return { from: Number(closed[1]), to: Number(closed[2]), label: text };
  if (/^\d{1,2}$/.test(text)) return { from: Number(text), to: Number(text), label: text };
  return undefined;
}

export const inAgeRange = (age: number, range: AgeRange): boolean => age >= range.from && age <= range.to;

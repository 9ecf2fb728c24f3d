import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { ConcurrencyConflictError, PreconditionFailedError } from '@ledger/application';
import { DomainError } from '@ledger/domain';
import { flattenValidationErrors } from '../../../api/src/http/validation.pipe';
import { capitalise, type FormError, type FormReader, type FormValues } from './form-reader';
import { ruleGuidance } from './refusals';

/** The GOV.UK error summary and the inline messages, as the templates take them. */
export interface ErrorsView {
  readonly summary: readonly { readonly text: string; readonly href: string }[];
  readonly fields: Readonly<Record<string, string>>;
  /** For a business-rule refusal: the rule's code and name, and what to do instead. */
  readonly rule?: { readonly code: string; readonly name: string; readonly instead: string };
}

/** Fields whose input is a GOV.UK date input: the summary links to the day box. */
export interface FieldNaming {
  /** Plain-English label of each form field, used in messages (`weeklyRate` → `the weekly rate`). */
  readonly labels: Readonly<Record<string, string>>;
  readonly dateFields?: readonly string[];
}

/** The API's field name to the form's: money drops `Pence`; nested fields keep their dots. */
export function formFieldOf(apiField: string): string {
  return apiField.replace(/Pence$/, '').replace(/\.Pence$/, '');
}

export function errorsView(errors: readonly FormError[], naming: FieldNaming, rule?: ErrorsView['rule']): ErrorsView {
  const anchor = (field: string) => (naming.dateFields?.includes(field) ? `${field}-day` : field);
  return {
    summary: errors.map((error) => ({ text: error.message, href: `#${anchor(error.field)}` })),
    fields: Object.fromEntries(errors.map((error) => [error.field, error.message])),
    rule,
  };
}

/**
 * Checks the body against the API's own request class, so a form can never record what the API
 * would refuse; messages name the form's fields in plain English.
 */
export async function validateAsApi<T extends object>(dtoClass: ClassConstructor<T>, body: object, naming: FieldNaming): Promise<{ dto: T; errors: FormError[] }> {
  const dto = plainToInstance(dtoClass, body);
  const problems = flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }));
  const errors: FormError[] = [];
  for (const problem of problems) {
    const field = formFieldOf(problem.field);
    if (errors.some((error) => error.field === field)) continue;
    const label = naming.labels[field] ?? field;
    const detail = problem.message.replace(problem.field.split('.').pop() ?? problem.field, label);
    errors.push({ field, message: `Check ${label}: ${detail}` });
  }
  return { dto, errors };
}

/** What became of a command dispatched from a form. */
export type SubmissionOutcome =
  | { readonly kind: 'done' }
  | { readonly kind: 'invalid'; readonly status: 400 | 409 | 422; readonly errors: ErrorsView; readonly values: FormValues };

/**
 * Reads the form, validates it as the API would, and runs the command; a refusal comes back as the
 * error summary (nothing was recorded), a conflict as a message that someone else changed it first.
 */
export async function submitForm<T extends object>(options: {
  readonly form: FormReader;
  readonly naming: FieldNaming;
  readonly dtoClass: ClassConstructor<T>;
  /** The API-shaped body read from the form; undefined fields are left out. */
  readonly body: object;
  readonly run: (dto: T) => Promise<unknown>;
}): Promise<SubmissionOutcome> {
  const { form, naming } = options;
  const values = form.values();
  if (form.errors.length > 0) return { kind: 'invalid', status: 400, errors: errorsView(form.errors, naming), values };
  const { dto, errors } = await validateAsApi(options.dtoClass, withoutUndefined(options.body), naming);
  if (errors.length > 0) return { kind: 'invalid', status: 400, errors: errorsView(errors, naming), values };
  try {
    await options.run(dto);
    return { kind: 'done' };
  } catch (error) {
    if (error instanceof DomainError) {
      const guidance = ruleGuidance(error.rule);
      const field = error.field === undefined ? undefined : formFieldOf(error.field);
      const message = `${guidance.name} (${error.rule}): ${capitalise(inFormWords(error.message))}. ${guidance.instead}`;
      const fieldErrors = [{ field: field !== undefined && field in naming.labels ? field : 'form-top', message }];
      return { kind: 'invalid', status: 422, errors: errorsView(fieldErrors, naming, { code: error.rule, ...guidance }), values };
    }
    if (error instanceof ConcurrencyConflictError || error instanceof PreconditionFailedError) {
      const message = 'Someone else changed this placement while you were filling in the form. Check it as it is now, below, then try again.';
      return { kind: 'invalid', status: 409, errors: errorsView([{ field: 'form-top', message }], naming), values };
    }
    throw error;
  }
}

/** The API's field names that refusals mention, in the words the form uses. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  rateException: 'an exception',
  emergencyReason: 'an emergency reason',
  initialTermDays: 'initial term',
  weeklyRatePence: 'weekly rate',
};

/** A refusal's message with API field names put into words (`rateException` → `an exception ...`). */
export function inFormWords(message: string): string {
  return message.replace(/\b(?:a |an )?(rateException|emergencyReason|initialTermDays|weeklyRatePence)\b/g, (_match, name: string) => FIELD_WORDS[name]);
}

function withoutUndefined(body: object): object {
  return JSON.parse(JSON.stringify(body)) as object;
}

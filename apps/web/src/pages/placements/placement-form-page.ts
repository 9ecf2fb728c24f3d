import type { ClassConstructor } from 'class-transformer';
import type { LocalDate, PlacementCommand, PlacementState } from '@ledger/domain';
import type { FormReader, FormValues } from '../../forms/form-reader';
import { submitForm, type FieldNaming, type SubmissionOutcome } from '../../forms/form-submission';

/** A form that records one placement command, as its page and its POST see it. */
export interface PlacementFormPage {
  readonly slug: string;
  /** The page's h1 and title. */
  readonly title: string;
  readonly template: string;
  readonly naming: FieldNaming;
  /** The success banner after a 303 back to the placement. */
  readonly done: { readonly heading: string; readonly body?: string };
  /** Values to start the form with, from the placement as it is. */
  readonly startValues?: (state: Exclude<PlacementState, { status: 'Initial' }>, today: LocalDate) => FormValues;
  submit(form: FormReader, dispatch: (command: PlacementCommand) => Promise<unknown>): Promise<SubmissionOutcome>;
}

interface Definition<T extends object> extends Omit<PlacementFormPage, 'submit'> {
  readonly dtoClass: ClassConstructor<T>;
  /** The API-shaped body read from the posted form. */
  readonly body: (form: FormReader) => object;
  /** The API's own mapping from the validated body to the command. */
  readonly command: (dto: T) => PlacementCommand;
}

export function definePlacementForm<T extends object>(definition: Definition<T>): PlacementFormPage {
  const { dtoClass, body, command, ...page } = definition;
  return {
    ...page,
    submit: (form, dispatch) => submitForm({ form, naming: definition.naming, dtoClass, body: body(form), run: (dto) => dispatch(command(dto)) }),
  };
}

/** Both rate-exception fields, or neither: the API needs a reason and who approved it. */
export function rateExceptionFrom(form: FormReader): { reason: string; approvedBy: string } | undefined {
  const reason = form.raw('rateException.reason');
  const approvedBy = form.raw('rateException.approvedBy');
  if (reason === '' && approvedBy === '') return undefined;
  if (reason === '') form.fail('rateException.reason', 'Enter why the rate is outside the band, or clear who approved it');
  if (approvedBy === '') form.fail('rateException.approvedBy', 'Enter who approved the rate outside the band, or clear the reason');
  return { reason, approvedBy };
}

export const RATE_EXCEPTION_LABELS = { 'rateException.reason': 'the reason for the rate outside the band', 'rateException.approvedBy': 'who approved the rate' };

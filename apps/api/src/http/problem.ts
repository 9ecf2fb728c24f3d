/** RFC 9457 problem details, the one error shape the API answers with. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly rule?: string;
  readonly errors?: readonly FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(status: number, code: string, title: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `urn:placement-ledger:problem:${code}`, title, status, detail, ...extra };
}

/** Thrown by the validation pipe; carries field errors to the filter. */
export class RequestValidationError extends Error {
  constructor(readonly errors: readonly FieldError[], message = 'The request is not valid') {
    super(message);
    this.name = 'RequestValidationError';
  }
}

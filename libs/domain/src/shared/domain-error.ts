/**
 * Stable codes for business-rule refusals. The API maps every one to 422 problem+json with
 * `rule` set to the code (one exception filter, apps/api); the domain knows nothing of HTTP.
 */
export type RuleCode =
  | 'in-house-first'
  | 'rate-band'
  | 'initial-term'
  | 'review-before-extension'
  | 'placement-state'
  | 'date-order'
  | 'joint-funding'
  | 'budget';

export class DomainError extends Error {
  constructor(
    readonly rule: RuleCode,
    message: string,
    /** The command field the refusal is about, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

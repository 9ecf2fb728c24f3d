/** Refusals that come from the application, not from a business rule. Mapped to HTTP in apps/api. */
export class NotFoundError extends Error {
  readonly code = 'not-found';
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** Another writer appended to the stream between our read and our append (HTTP 409). */
export class ConcurrencyConflictError extends Error {
  readonly code = 'concurrency-conflict';
  constructor(readonly streamId: string, options?: { cause?: unknown }) {
    super(`Another change to ${streamId} was recorded at the same time; reload and try again`, options);
    this.name = 'ConcurrencyConflictError';
  }
}

/** The client's If-Match revision is not the stream's current revision (HTTP 412). */
export class PreconditionFailedError extends Error {
  readonly code = 'precondition-failed';
  constructor(readonly streamId: string, readonly expected: number, readonly actual: number) {
    super(`${streamId} is at revision ${actual}, not ${expected} as If-Match expected`);
    this.name = 'PreconditionFailedError';
  }
}

/** A service the request needs (the queue's Redis, the database) is down for now (HTTP 503 with Retry-After). */
export class ServiceUnavailableError extends Error {
  readonly code = 'service-unavailable';
  constructor(message: string, readonly retryAfterSeconds = 30, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServiceUnavailableError';
  }
}

import { isNativeError } from 'node:util/types';

/** SQLSTATEs of a database that cannot be reached or is going away: connection exceptions, shutdown, no slots. */
const OUTAGE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
/** Socket errors of a server that is not there. */
const OUTAGE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
const OUTAGE_MESSAGE = /Connection terminated|is not currently accepting connections|the database system is (starting up|shutting down)|Client has encountered a connection error/i;

/**
 * Whether an error (or one of its causes) means the database is down rather than the request wrong: the
 * request is then answered 503 with Retry-After, not 500.
 */
export function isDatabaseOutage(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof e.code === 'string' && (OUTAGE_SQLSTATE.test(e.code) || OUTAGE_ERRNO.has(e.code))) return true;
    if (typeof e.message === 'string' && OUTAGE_MESSAGE.test(e.message)) return true;
    // Node's connect to several addresses fails with an AggregateError of socket errors.
    if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseOutage(inner))) return true;
    current = isNativeError(current) || typeof current === 'object' ? e.cause : undefined;
  }
  return false;
}

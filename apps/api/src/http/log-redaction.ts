import { isNativeError } from 'node:util/types';
import type { IncomingMessage } from 'node:http';

/** Text inside double quotes in a database message (`invalid input syntax for type uuid: "…"`) is what was sent. */
const QUOTED = /"[^"]*"/g;

/**
 * An error as the log may hold it: its kind, message, SQLSTATE code and stack, and its causes the same
 * way. Never the SQL parameters, the query, the database's detail line or any other property, which can
 * carry a whole event (child reference, needs, reasons) into the log.
 */
export function safeError(error: unknown, depth = 0): Record<string, unknown> {
  const e = error as { name?: unknown; type?: unknown; message: string; stack?: unknown; code?: unknown; cause?: unknown };
  // isNativeError, not instanceof: an error from another realm (a WebAssembly driver, a test sandbox) is an error too.
  // pino-http hands its error serializer an already serialized error (a plain object with every property).
  const serialized = typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
  if (!isNativeError(error) && !serialized) return { type: typeof error, message: 'a non-Error value was thrown' };
  const code = e.code;
  const fromDatabase = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
  const redact = (text: string) => (fromDatabase ? text.replace(QUOTED, '"[redacted]"') : text);
  const cause = e.cause;
  return {
    type: typeof e.name === 'string' ? e.name : typeof e.type === 'string' ? e.type : 'Error',
    message: redact(e.message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof e.stack === 'string' ? { stack: redact(e.stack) } : {}),
    ...(cause !== undefined && depth < 3 ? { cause: safeError(cause, depth + 1) } : {}),
  };
}

/** A request as the log may hold it: method, path and id, without the query string or the headers. */
export function safeRequest(req: IncomingMessage & { id?: unknown }): Record<string, unknown> {
  return { id: req.id, method: req.method, path: (req.url ?? '').split('?')[0] };
}

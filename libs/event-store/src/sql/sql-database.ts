/** Runs one SQL statement; the same shape inside and outside a transaction. */
const PREPARED = new Map<string, string>();

/**
 * Marks a statement run on every append: the PostgreSQL database prepares it once per connection
 * (parsed and planned once), rather than for every call. PGlite runs it as any other.
 */
export function preparedStatement(name: string, sql: string): string {
  PREPARED.set(sql, name);
  return sql;
}

export const preparedNameOf = (sql: string): string | undefined => PREPARED.get(sql);

export interface SqlExecutor {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/**
 * The SQL database behind the embedded store (PGlite) or the server store (PostgreSQL): one dialect,
 * so the event store, read models and idempotency keys are written once for both.
 * Results: ask for int8 columns as `::text` (PGlite gives BigInt, pg a string); jsonb comes back parsed.
 */
export interface SqlDatabase extends SqlExecutor {
  readonly kind: 'embedded' | 'postgres';
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Calls `onNotify` on each NOTIFY on `channel`; resolves to a function that stops listening. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** SQLSTATE and detail of a database error, whichever driver raised it. */
export function sqlErrorInfo(error: unknown): { code?: string; detail?: string; constraint?: string } {
  if (typeof error !== 'object' || error === null) return {};
  const e = error as { code?: unknown; detail?: unknown; constraint?: unknown };
  return {
    code: typeof e.code === 'string' ? e.code : undefined,
    detail: typeof e.detail === 'string' ? e.detail : undefined,
    constraint: typeof e.constraint === 'string' ? e.constraint : undefined,
  };
}

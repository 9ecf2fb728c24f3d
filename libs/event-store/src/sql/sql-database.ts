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
  /**
   * Loads `rows` into `table (columns)` with COPY: PostgreSQL's text format, a row a line, columns
   * separated by tabs, `\N` for null, backslashes doubled (`copyText`). Many rows at once this way cost
   * about half of an INSERT from one JSON document, which the server must parse first.
   */
  copyRows(table: string, columns: readonly string[], rows: string): Promise<void>;
}

/** A value as COPY's text format writes it: null as `\N`, backslashes doubled; tabs and newlines escaped. */
export function copyText(value: string | number | null): string {
  if (value === null) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : text;
}

const COPY_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The COPY statement for `table (columns)`, its names checked: they come from the code, never from a request. */
export function copyStatement(table: string, columns: readonly string[], source: 'STDIN' | `'/dev/blob'`): string {
  for (const name of [table, ...columns]) if (!IDENTIFIER.test(name)) throw new Error(`Not a plain SQL name: ${name}`);
  return `COPY ${table} (${columns.join(', ')}) FROM ${source}`;
}

/**
 * The SQL database behind the embedded store (PGlite) or the server store (PostgreSQL): one dialect,
 * so the event store, read models and idempotency keys are written once for both.
 * Results: ask for int8 columns as `::text` (PGlite gives BigInt, pg a string); jsonb comes back parsed.
 */
export interface SqlDatabase extends SqlExecutor {
  readonly kind: 'embedded' | 'postgres';
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Calls `onNotify` with the payload of each NOTIFY on `channel`; resolves to a function that stops listening. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
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

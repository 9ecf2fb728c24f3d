import type { SqlDatabase } from '@ledger/event-store';
import { createHash } from 'node:crypto';

/** What a request with an Idempotency-Key should do, given what was recorded under that key. */
export type IdempotencyClaim =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly status: number; readonly body: unknown; readonly headers: Readonly<Record<string, string>> }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'in-progress' };

/** A claim left pending this long belongs to a request that died; a retry may take it over. */
export const STALE_PENDING_SECONDS = 60;

/** JSON with every object's keys in sorted order, so two spellings of one body are one body. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${canonicalJson(body)}`).digest('hex');
}

/**
 * A FROM item that lets the statement's transaction commit without waiting for the disk. A claim or
 * an answer lost in a crash costs nothing: the events a command appended carry its key, so a retry
 * finds them and answers as the first run did (`handleCommand`). A claim written before an append is
 * flushed with it, because the log is written in order.
 */
const WITHOUT_WAITING_FOR_DISK = `(SELECT set_config('synchronous_commit', 'off', true)) AS commit_without_waiting`;

/** The headers of a first response that a replay gives back too. */
export const REPLAYED_HEADERS = ['etag', 'location'] as const;

/**
 * Keys are scoped to the caller (sub), so two users cannot collide. A key is claimed before the
 * command runs, so two concurrent requests with one key cannot both append.
 */
export class IdempotencyStore {
  constructor(private readonly db: SqlDatabase) {}

  async migrate(): Promise<void> {
    await this.db.query(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      actor_id text NOT NULL, key text NOT NULL, fingerprint text NOT NULL, state text NOT NULL,
      response_status int, response_body jsonb, created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (actor_id, key))`);
    // The first answer exactly as sent (jsonb would reorder its keys), and the headers a replay repeats.
    await this.db.query('ALTER TABLE idempotency_keys ADD COLUMN IF NOT EXISTS response_text text, ADD COLUMN IF NOT EXISTS response_headers jsonb');
  }

  async claim(actorId: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const inserted = await this.db.query<{ key: string }>(
      `INSERT INTO idempotency_keys (actor_id, key, fingerprint, state)
       SELECT $1, $2, $3, 'pending' FROM ${WITHOUT_WAITING_FOR_DISK}
       ON CONFLICT (actor_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, created_at = now()
         WHERE idempotency_keys.state = 'pending'
           AND idempotency_keys.created_at < now() - make_interval(secs => ${STALE_PENDING_SECONDS})
       RETURNING key`,
      [actorId, key, fingerprint],
    );
    if (inserted.length > 0) return { kind: 'new' };
    const [row] = await this.db.query<{ fingerprint: string; state: string; response_status: number | null; response_body: unknown; response_text: string | null; response_headers: Record<string, string> | null }>(
      'SELECT fingerprint, state, response_status, response_body, response_text, response_headers FROM idempotency_keys WHERE actor_id = $1 AND key = $2',
      [actorId, key],
    );
    if (row === undefined) return this.claim(actorId, key, fingerprint);
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (row.state === 'pending') return { kind: 'in-progress' };
    const body = row.response_text === null ? row.response_body : JSON.parse(row.response_text) as unknown;
    return { kind: 'replay', status: Number(row.response_status), body, headers: row.response_headers ?? {} };
  }

  async complete(actorId: string, key: string, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): Promise<void> {
    const text = JSON.stringify(body ?? null);
    await this.db.query(
      `UPDATE idempotency_keys SET state = 'done', response_status = $3, response_body = $4::jsonb, response_text = $5, response_headers = $6::jsonb
       FROM ${WITHOUT_WAITING_FOR_DISK} WHERE actor_id = $1 AND key = $2`,
      [actorId, key, status, text, text, JSON.stringify(headers)],
    );
  }

  /** A refused or failed request leaves no trace, so the same key may be used again. */
  async release(actorId: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE actor_id = $1 AND key = $2 AND state = 'pending'`, [actorId, key]);
  }
}

import type { SqlDatabase } from '@ledger/event-store';
import session from 'express-session';

type Callback<T = void> = (error?: unknown, value?: T) => void;

/**
 * Web sessions in the ledger's own SQL database (embedded or PostgreSQL), so a restart or a second
 * API process keeps people signed in. A row expires after the idle timeout; every request moves it on.
 */
export class SqlSessionStore extends session.Store {
  constructor(private readonly db: SqlDatabase, private readonly idleSeconds: number) {
    super();
  }

  async migrate(): Promise<void> {
    await this.db.query(`CREATE TABLE IF NOT EXISTS web_sessions (
      sid text PRIMARY KEY, data jsonb NOT NULL, expires_at timestamptz NOT NULL)`);
    await this.db.query('DELETE FROM web_sessions WHERE expires_at < now()');
  }

  override get(sid: string, callback: Callback<session.SessionData | null>): void {
    this.db.query<{ data: session.SessionData }>('SELECT data FROM web_sessions WHERE sid = $1 AND expires_at > now()', [sid])
      .then((rows) => callback(undefined, rows[0]?.data ?? null), callback);
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    this.db.query(
      `INSERT INTO web_sessions (sid, data, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT (sid) DO UPDATE SET data = EXCLUDED.data, expires_at = EXCLUDED.expires_at`,
      [sid, JSON.stringify(data), this.idleSeconds],
    ).then(() => callback?.(), (error: unknown) => callback?.(error));
  }

  override touch(sid: string, _data: session.SessionData, callback?: Callback): void {
    this.db.query('UPDATE web_sessions SET expires_at = now() + make_interval(secs => $2) WHERE sid = $1', [sid, this.idleSeconds])
      .then(() => callback?.(), (error: unknown) => callback?.(error));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.db.query('DELETE FROM web_sessions WHERE sid = $1', [sid]).then(() => callback?.(), (error: unknown) => callback?.(error));
  }
}

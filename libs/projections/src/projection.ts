import type { SqlExecutor, StoredEvent } from '@ledger/event-store';

/**
 * A read model kept in the SQL database (embedded or PostgreSQL). `apply` runs inside the same
 * transaction that stores the projection's checkpoint, so a batch is applied exactly once.
 */
export interface Projection {
  /** Stable name; also the checkpoint's key. */
  readonly name: string;
  /** Creates its tables; idempotent. */
  migrate(db: SqlExecutor): Promise<void>;
  /** Empties its tables before a rebuild. */
  reset(tx: SqlExecutor): Promise<void>;
  apply(tx: SqlExecutor, events: readonly StoredEvent[]): Promise<void>;
}

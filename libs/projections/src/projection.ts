import type { SqlExecutor, StoredEvent } from '@ledger/event-store';

/**
 * A run of events folded into a read model in memory, then written in one go. The live runner folds each
 * batch from the stored rows it touches; a rebuild folds the whole log from empty tables and writes now
 * and then. Both go through the same `add`, so a rebuilt read model is the one the live runner makes.
 */
export interface ProjectionFold {
  /** Moves the read model on by `events`, in order, in memory. */
  add(events: readonly StoredEvent[]): void;
  /**
   * Takes, now, every row `add` changed since the last take, and gives the statements that store them.
   * What is taken is a copy: `add` may go on while they run (a rebuild folds the next pages meanwhile).
   */
  takeWrite(): PendingWrite;
}

export type PendingWrite = (tx: SqlExecutor) => Promise<void>;

export const NOTHING_TO_WRITE: PendingWrite = async () => undefined;

/**
 * A read model kept in the SQL database (embedded or PostgreSQL). Its fold is written inside the same
 * transaction that stores the projection's checkpoint, so a batch is applied exactly once.
 */
export interface Projection {
  /** Stable name; also the checkpoint's key. */
  readonly name: string;
  /** Creates its tables; idempotent. */
  migrate(db: SqlExecutor): Promise<void>;
  /** Empties its tables before a rebuild. */
  reset(tx: SqlExecutor): Promise<void>;
  /** A fold that starts from the stored rows `events` touch (the live path). */
  foldOver(tx: SqlExecutor, events: readonly StoredEvent[]): Promise<ProjectionFold>;
  /** A fold that starts from the empty tables `reset` leaves, so it reads nothing back (a rebuild). */
  foldFromEmpty(): ProjectionFold;
}

/** The live path: a batch folded from the rows it touches and written back. */
export async function applyToProjection(projection: Projection, tx: SqlExecutor, events: readonly StoredEvent[]): Promise<void> {
  const fold = await projection.foldOver(tx, events);
  fold.add(events);
  await fold.takeWrite()(tx);
}

import { START, type EventStore, type GlobalPosition, type SqlDatabase, type SqlExecutor, type StoredEvent, type Subscription } from '@ledger/event-store';
import { applyToProjection, type Projection } from './projection';
import { dropRetiredReadModels } from './retired-read-models';

const CHECKPOINTS_DDL = `CREATE TABLE IF NOT EXISTS projection_checkpoints (
  name text PRIMARY KEY, position text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`;

/**
 * A batch that fails (its database went away, say) stops the subscription; it starts again from the
 * last applied position after this long, doubling up to the maximum, until a batch applies.
 */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 10_000;

interface Waiter {
  readonly position: GlobalPosition;
  readonly resolve: (reached: boolean) => void;
}

/**
 * Drives every projection from one subscription to the store's global order. Each batch is
 * applied to all projections and their checkpoints in one transaction: a process killed at any
 * point restarts from the last committed checkpoint and ends with the same read models. A batch
 * that fails is retried (the failure is `lastError` until one applies), so the read models come
 * back by themselves after a database outage.
 */
export class ProjectionRunner {
  private subscription?: Subscription;
  private applied: GlobalPosition = START;
  private waiters: Waiter[] = [];
  private failure?: unknown;
  private retryMs = RETRY_FIRST_MS;
  private retry?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly store: EventStore,
    private readonly db: SqlDatabase,
    private readonly projections: readonly Projection[],
    private readonly batchSize = 500,
  ) {}

  /** Position up to which every projection has applied the log. */
  get position(): GlobalPosition {
    return this.applied;
  }

  get lastError(): unknown {
    return this.failure;
  }

  async migrate(): Promise<void> {
    await this.db.query(CHECKPOINTS_DDL);
    await dropRetiredReadModels(this.db);
    for (const projection of this.projections) await projection.migrate(this.db);
  }

  async start(): Promise<void> {
    await this.migrate();
    this.applied = await this.lowestCheckpoint();
    this.running = true;
    this.subscribe();
  }

  private subscribe(): void {
    this.subscription = this.store.subscribe((events) => this.applyBatch(events), {
      from: this.applied,
      batchSize: this.batchSize,
      onError: (cause) => {
        this.failure = cause;
        if (!this.running) return;
        this.retry = setTimeout(() => this.subscribe(), this.retryMs);
        this.retry.unref();
        this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
      },
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retry);
    await this.subscription?.stop();
    this.subscription = undefined;
    for (const waiter of this.waiters.splice(0)) waiter.resolve(false);
  }

  /** Resolves true once `position` is applied, false when `timeoutMs` passes first. */
  waitFor(position: GlobalPosition, timeoutMs: number): Promise<boolean> {
    if (position <= this.applied) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = { position, resolve };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      timer.unref();
      this.waiters.push({ position, resolve: (reached) => (clearTimeout(timer), resolve(reached)) });
    });
  }

  /** Applies one batch to every projection past its own checkpoint, with the checkpoints, atomically. */
  async applyBatch(events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    const last = events[events.length - 1].position;
    await this.db.transaction(async (tx) => {
      const checkpoints = await checkpointsWithoutWaitingForDisk(tx);
      const moved: string[] = [];
      for (const projection of this.projections) {
        const from = checkpoints.get(projection.name) ?? START;
        const fresh = events[0].position > from ? events : events.filter((event) => event.position > from);
        if (fresh.length === 0) continue;
        await applyToProjection(projection, tx, fresh);
        moved.push(projection.name);
      }
      await storeCheckpoints(tx, moved, last);
    });
    this.reached(last);
  }

  /**
   * For a rebuild after `reset`: one fold per projection from empty tables, in memory. `write` takes what
   * they changed at once, then stores it with every checkpoint at `position`, the last event added, in one
   * transaction; the folds may go on meanwhile.
   */
  foldsFromEmpty(): { add(events: readonly StoredEvent[]): void; write(position: GlobalPosition): Promise<void> } {
    const folds = this.projections.map((projection) => projection.foldFromEmpty());
    return {
      add: (events) => { for (const fold of folds) fold.add(events); },
      write: async (position) => {
        const writes = folds.map((fold) => fold.takeWrite());
        await this.db.transaction(async (tx) => {
          await commitWithoutWaitingForDisk(tx);
          for (const write of writes) await write(tx);
          await storeCheckpoints(tx, this.projections.map((p) => p.name), position);
        });
        this.reached(position);
      },
    };
  }

  private reached(last: GlobalPosition): void {
    if (last > this.applied) this.applied = last;
    this.failure = undefined;
    this.retryMs = RETRY_FIRST_MS;
    const reached = this.waiters.filter((w) => w.position <= last);
    this.waiters = this.waiters.filter((w) => w.position > last);
    for (const waiter of reached) waiter.resolve(true);
  }

  /** Empties every read model and its checkpoint; the caller then replays from the start. */
  async reset(): Promise<void> {
    await this.migrate();
    await this.db.transaction(async (tx) => {
      for (const projection of this.projections) await projection.reset(tx);
      await tx.query('DELETE FROM projection_checkpoints');
    });
    this.applied = START;
  }

  private async lowestCheckpoint(): Promise<GlobalPosition> {
    const rows = await this.db.query<{ name: string; position: string }>('SELECT name, position FROM projection_checkpoints');
    const byName = new Map(rows.map((row) => [row.name, row.position]));
    const positions = this.projections.map((p) => byName.get(p.name) ?? START);
    return positions.reduce((lowest, p) => (p < lowest ? p : lowest), positions[0] ?? START);
  }
}

async function storeCheckpoints(tx: SqlExecutor, names: readonly string[], position: GlobalPosition): Promise<void> {
  if (names.length === 0) return;
  await tx.query(
    `INSERT INTO projection_checkpoints (name, position, updated_at) SELECT unnest($1::text[]), $2, now()
     ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
    [names, position],
  );
}

/** As `checkpointsWithoutWaitingForDisk`, for a transaction that does not read the checkpoints (a rebuild's write). */
async function commitWithoutWaitingForDisk(tx: SqlExecutor): Promise<void> {
  await tx.query(`SELECT set_config('synchronous_commit', 'off', true)`);
}

/**
 * The checkpoints, in the statement that lets this transaction commit without waiting for the disk.
 * The events it applies are already durable, and a batch lost in a crash loses its checkpoints with
 * it, so the runner applies it again on restart: the read models stay exactly-once.
 */
async function checkpointsWithoutWaitingForDisk(tx: SqlExecutor): Promise<Map<string, string>> {
  const [row] = await tx.query<{ checkpoints: Record<string, string> }>(
    `SELECT set_config('synchronous_commit', 'off', true) AS local_setting,
            coalesce((SELECT json_object_agg(name, position) FROM projection_checkpoints), '{}'::json) AS checkpoints`,
  );
  return new Map(Object.entries(row.checkpoints));
}

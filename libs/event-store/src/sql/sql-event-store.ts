import { randomUUID } from 'node:crypto';
import {
  DuplicateEventIdError, START, WrongExpectedRevisionError,
  type AppendResult, type BatchHandler, type EventStore, type ExpectedRevision, type GlobalPosition, type NewEvent,
  type ReadAllOptions, type ReadStreamResult, type StoredEvent, type SubscribeOptions, type Subscription,
} from '../event-store.port';
import { parseSqlPosition, sqlPosition } from './position';
import { APPEND_RETRY, DUPLICATE_EVENT_ID, EVENTS_CHANNEL, migrateEventStore, WRONG_EXPECTED_REVISION } from './schema';
import { preparedStatement, sqlErrorInfo, type SqlDatabase } from './sql-database';
import { Wakeup } from './wakeup';

/** The whole append in one prepared call (schema.ts). */
const APPEND = preparedStatement('ledger_append', 'SELECT next_revision, tx, pos FROM ledger_append($1, $2, $3::jsonb)');

interface EventRow {
  tx: string; pos: string; stream_id: string; revision: string; event_id: string;
  event_type: string; event_version: number; data: Record<string, unknown>; metadata: StoredEvent['metadata'];
}

const COLUMNS = `transaction_id::text AS tx, global_position::text AS pos, stream_id, stream_revision::text AS revision,
  event_id::text AS event_id, event_type, event_version, data, metadata`;

/**
 * Why not `WHERE global_position > $last`: positions come from a sequence when a row is inserted, but
 * transactions commit in their own order. A reader can see position 11 (committed) while 10 is still
 * in flight; it moves its checkpoint to 11 and never sees 10. In a reproduction, 8 concurrent writers
 * made such a reader miss 12–15% of events.
 *
 * Instead each event carries its writer's transaction id (xid8), and a reader takes only events whose
 * transaction is older than the oldest transaction still running (`pg_snapshot_xmin` of the very
 * snapshot the statement reads with): no such transaction can still commit, so nothing can appear
 * later below the checkpoint. Events are ordered by (transaction id, position) — a few per thousand
 * have the two orders differ — and the checkpoint is that pair. The cost: readers wait behind the
 * oldest running write on the server, so an append is one short statement (ledger_append) and
 * idle_in_transaction_session_timeout caps a forgotten transaction.
 */
const VISIBLE = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';
const POLL_MS = 250;
const MAX_READ_BACKOFF_MS = 5_000;
const APPEND_ATTEMPTS = 5;
const DEFAULT_BATCH = 500;
/** Appends in this gap after a NOTIFY are announced together at its end: at most 50 notifications a second. */
const ANNOUNCE_GAP_MS = 20;

function toStored(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id, type: row.event_type, version: row.event_version, data: row.data, metadata: row.metadata,
    streamId: row.stream_id, streamRevision: Number(row.revision), position: sqlPosition(row.tx, row.pos),
  };
}

const expectedCode = (expected: ExpectedRevision): number => (expected === 'any' ? -2 : expected === 'no-stream' ? -1 : expected);

/** The event id named in a unique violation's detail: `Key (event_id)=(…) already exists.` */
const idInDetail = (detail: string | undefined): string | undefined => /\(event_id\)=\(([^)]+)\)/.exec(detail ?? '')?.[1];

/** One implementation for PGlite and PostgreSQL: they share the SQL dialect and the schema. */
export class SqlEventStore implements EventStore {
  readonly kind: string;
  private readonly live = new Set<{ wakeup: Wakeup; stop(): Promise<void> }>();
  private stopListening?: () => Promise<void>;
  private closed = false;
  /** The NOTIFY in flight for other processes, and whether appends came while it was. */
  private announcing?: Promise<void>;
  private announceAgain = false;
  /** Sent as each NOTIFY's payload, so this store's own notifications, which wake nothing new, are ignored. */
  private readonly announcer = randomUUID();

  private constructor(private readonly db: SqlDatabase) {
    this.kind = db.kind;
  }

  /** Migrates the schema (idempotent) and listens for appends. Closing the store leaves `db` open. */
  static async open(db: SqlDatabase): Promise<SqlEventStore> {
    await migrateEventStore(db);
    const store = new SqlEventStore(db);
    // Its own appends woke its subscriptions already (append calls wakeAll), so only other stores' count.
    store.stopListening = await db.listen(EVENTS_CHANNEL, (payload) => {
      if (payload !== store.announcer) store.wakeAll();
    });
    return store;
  }

  async append(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[]): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    const payload = JSON.stringify(events.map(({ eventId, type, version, data, metadata }) => ({ eventId, type, version, data, metadata })));
    for (let attempt = 1; ; attempt++) {
      try {
        const [row] = await this.db.query<{ next_revision: string; tx: string; pos: string }>(APPEND, [streamId, expectedCode(expected), payload]);
        this.wakeAll();
        this.announce();
        return { nextRevision: Number(row.next_revision), position: sqlPosition(row.tx, row.pos) };
      } catch (error) {
        const { code, detail, constraint } = sqlErrorInfo(error);
        if (code === APPEND_RETRY && attempt < APPEND_ATTEMPTS) continue;
        if (code === WRONG_EXPECTED_REVISION) throw new WrongExpectedRevisionError(streamId, expected, Number(detail));
        if (code === DUPLICATE_EVENT_ID) throw new DuplicateEventIdError(detail ?? events[0].eventId, { cause: error });
        if (code === '23505' && constraint === 'ledger_events_event_id') {
          throw new DuplicateEventIdError(idInDetail(detail) ?? events[0].eventId, { cause: error });
        }
        if (code === '23505') {
          // Not expected (the stream lock serialises appenders), but a unique violation on the
          // stream's revisions can only mean another writer got there first.
          throw new WrongExpectedRevisionError(streamId, expected, (await this.readStream(streamId)).revision);
        }
        throw error;
      }
    }
  }

  async readStream(streamId: string): Promise<ReadStreamResult> {
    const rows = await this.db.query<EventRow>(`SELECT ${COLUMNS} FROM ledger_events WHERE stream_id = $1 ORDER BY stream_revision`, [streamId]);
    const events = rows.map(toStored);
    return { revision: events.length === 0 ? -1 : events[events.length - 1].streamRevision, events };
  }

  async readAll(options: ReadAllOptions = {}): Promise<readonly StoredEvent[]> {
    const { tx, pos } = parseSqlPosition(options.from ?? START);
    const rows = await this.db.query<EventRow>(
      `SELECT ${COLUMNS} FROM ledger_events
        WHERE ${VISIBLE} AND (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
        ORDER BY transaction_id, global_position LIMIT $3`,
      [tx, pos, options.limit ?? 1000]);
    return rows.map(toStored);
  }

  async headPosition(): Promise<GlobalPosition> {
    const [row] = await this.db.query<{ tx: string; pos: string }>(
      `SELECT transaction_id::text AS tx, global_position::text AS pos FROM ledger_events WHERE ${VISIBLE}
        ORDER BY transaction_id DESC, global_position DESC LIMIT 1`);
    return row === undefined ? START : sqlPosition(row.tx, row.pos);
  }

  /**
   * Reads a batch after the checkpoint, awaits the handler, repeats; when caught up, waits for an
   * append's notification or the poll interval (a notification can come while an older writer still
   * holds the horizon back, and a lost LISTEN connection must not stall delivery). A failed read is
   * retried with backoff; a failed handler stops the subscription and goes to `onError`.
   */
  subscribe(handler: BatchHandler, options: SubscribeOptions & { onError?: (cause: unknown) => void } = {}): Subscription {
    if (this.closed) throw new Error('subscribe on a closed event store');
    const wakeup = new Wakeup();
    let stopped = false;
    const loop = (async () => {
      let from = options.from ?? START;
      let backoffMs = POLL_MS;
      while (!stopped) {
        wakeup.clear();
        let batch: readonly StoredEvent[];
        try {
          batch = await this.readAll({ from, limit: options.batchSize ?? DEFAULT_BATCH });
          backoffMs = POLL_MS;
        } catch {
          if (!stopped) await wakeup.wait(backoffMs);
          backoffMs = Math.min(backoffMs * 2, MAX_READ_BACKOFF_MS);
          continue;
        }
        if (stopped) break;
        if (batch.length === 0) {
          await wakeup.wait(POLL_MS);
          continue;
        }
        try {
          await handler(batch);
        } catch (cause) {
          stopped = true;
          options.onError?.(cause);
          break;
        }
        from = batch[batch.length - 1].position;
      }
    })();
    const entry = {
      wakeup,
      stop: async () => {
        stopped = true;
        wakeup.notify();
        await loop;
      },
    };
    this.live.add(entry);
    void loop.finally(() => this.live.delete(entry));
    return { stop: entry.stop };
  }

  async countEvents(): Promise<number> {
    const [row] = await this.db.query<{ n: string }>('SELECT count(*)::text AS n FROM ledger_events');
    return Number(row.n);
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  /** Stops every subscription (waiting for handlers in flight) and stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    await this.announcing;
    await Promise.all([...this.live].map((subscription) => subscription.stop()));
    await this.stopListening?.();
    this.stopListening = undefined;
  }

  /**
   * Tells other processes on the same PostgreSQL (a worker, another API) that the log has grown.
   * The NOTIFY is sent after the append has committed, in a statement of its own, and at most one
   * is in flight: inside the append it would hold the server-wide notification lock until the
   * commit was flushed, so every append would commit one at a time. Appends that come while one is
   * in flight, or in the `ANNOUNCE_GAP_MS` after it, are announced together at the gap's end: a
   * steady stream of appends, even from one writer, costs at most 50 notifications a second, not
   * one each, and another process hears of an append within about that gap. Subscribers then read
   * everything new, and poll besides. The embedded store has no other process (the folder lock),
   * so it needs none.
   */
  private announce(): void {
    if (this.db.kind !== 'postgres' || this.closed) return;
    if (this.announcing !== undefined) {
      this.announceAgain = true;
      return;
    }
    this.announcing = (async () => {
      do {
        this.announceAgain = false;
        // Committed without waiting for the disk: a NOTIFY is a wake-up, not data (readers also poll), and
        // a synchronous commit here would spend a WAL flush per burst of appends on nothing durable.
        await this.db.query('SELECT set_config(\'synchronous_commit\', \'off\', true), pg_notify($1, $2)', [EVENTS_CHANNEL, this.announcer])
          .catch(() => undefined);
        // Appends in the gap after it set announceAgain and are announced together at its end, closing or not.
        if (!this.closed) await new Promise((resolve) => setTimeout(resolve, ANNOUNCE_GAP_MS));
      } while (this.announceAgain);
      this.announcing = undefined;
    })();
  }

  private wakeAll(): void {
    for (const subscription of this.live) subscription.wakeup.notify();
  }
}

import {
  evolveBudget, evolvePlacement, initialBudgetState, initialPlacementState, parseStreamId, upcastBudgetEvent, upcastPlacementEvent,
} from '@ledger/domain';
import { copyText, type SqlExecutor, type StoredEvent } from '@ledger/event-store';
import { NOTHING_TO_WRITE, type PendingWrite, type Projection, type ProjectionFold } from '../projection';
import { assembleState, changedParts, parsePartKey, partKey, partsByStream, type StatePart } from './state-parts';

export const RECORDED_HISTORY = 'recorded-history';

/**
 * Every placement's and budget's state over recorded time, as rows: each part of a state (`state-parts`)
 * with the instants it was known from and until (`recorded_from`, `recorded_to`, null while current)
 * and, where it has them, the business dates it holds over (`valid_from`, `valid_to`: a rate from its
 * effective date, a placement from its start to its end). The rows current at T are the state as known
 * at T, so a past instant is read, not folded again from the log.
 *
 * `ledger_state_streams` notes per stream whether its facts were stamped in the order they were
 * appended. One stamped earlier than a fact before it (another server's clock, an import) makes its
 * rows no longer a record of what was known when, and readers fold that stream from the log instead.
 */
export const recordedHistoryProjection: Projection = {
  name: RECORDED_HISTORY,
  async migrate(db: SqlExecutor) {
    await db.query(`CREATE TABLE IF NOT EXISTS ledger_state_parts (
      stream_id text NOT NULL, part text NOT NULL, item integer NOT NULL, body json NOT NULL,
      valid_from date, valid_to date, recorded_from timestamptz NOT NULL, recorded_to timestamptz)`);
    // The first rows named the events that opened and closed each version; nothing read them, and they were
    // a third of each row. A version is closed by its part's one row still open instead.
    await db.query('ALTER TABLE ledger_state_parts DROP COLUMN IF EXISTS opened, DROP COLUMN IF EXISTS closed');
    // Every read and update is of one stream's rows (a few dozen); this projection, whose checkpoint moves
    // in the same transaction, is their only writer, so a key over four columns would only slow the writes.
    await db.query('CREATE INDEX IF NOT EXISTS ledger_state_parts_stream ON ledger_state_parts (stream_id)');
    await db.query(`CREATE TABLE IF NOT EXISTS ledger_state_streams (
      stream_id text PRIMARY KEY, last_recorded_at timestamptz NOT NULL, in_order boolean NOT NULL)`);
  },
  async reset(tx: SqlExecutor) {
    await tx.query('DELETE FROM ledger_state_parts');
    await tx.query('DELETE FROM ledger_state_streams');
  },
  foldOver: async (tx, events) => new RecordedHistoryFold(await loadStreams(tx, factStreamsOf(events))),
  foldFromEmpty: () => new RecordedHistoryFold(new Map()),
};

type Fields = Readonly<Record<string, unknown>>;

/** A part as stored: its value, and when it was recorded. */
interface Version {
  readonly recordedFrom: string;
  readonly value: StatePart;
}

/** A stream as the fold holds it: its state, the version of each part current now, and its stamps' order. */
interface StreamHistory {
  state: Fields | undefined;
  readonly current: Map<string, Version>;
  lastRecordedAt: number;
  inOrder: boolean;
}

/** A row to insert: a part made current by this fold, closed again by it or not. */
interface Opened extends Version {
  readonly streamId: string;
  readonly key: string;
  recordedTo: string | null;
}

/** A row stored before this fold that it closes: the one row of its part still open. */
interface Closed { readonly streamId: string; readonly key: string; readonly recordedTo: string }

const factStreamsOf = (events: readonly StoredEvent[]): string[] =>
  [...new Set(events.filter((e) => isFactStream(e.streamId)).map((e) => e.streamId))];

function isFactStream(streamId: string): boolean {
  const kind = parseStreamId(streamId)?.kind;
  return kind === 'placement' || kind === 'budget';
}

function evolveFact(streamId: string, state: Fields | undefined, event: StoredEvent): Fields {
  if (parseStreamId(streamId)?.kind === 'placement') {
    return evolvePlacement((state ?? initialPlacementState) as never, upcastPlacementEvent(event.type, event.version, event.data)) as unknown as Fields;
  }
  return evolveBudget((state ?? initialBudgetState) as never, upcastBudgetEvent(event.type, event.version, event.data)) as unknown as Fields;
}

class RecordedHistoryFold implements ProjectionFold {
  /** The versions this fold made current, in the order made: inserted as rows, closed or not. */
  private opened = new Set<Version>();
  private closed: Closed[] = [];
  private touched = new Set<string>();

  constructor(private readonly streams: Map<string, StreamHistory>) {}

  add(events: readonly StoredEvent[]): void {
    for (const event of events) {
      if (!isFactStream(event.streamId)) continue;
      const stream = this.streams.get(event.streamId) ?? this.newStream(event.streamId);
      const at = Date.parse(event.metadata.recordedAt);
      if (at < stream.lastRecordedAt) stream.inOrder = false;
      stream.lastRecordedAt = Math.max(stream.lastRecordedAt, at);
      this.touched.add(event.streamId);
      const next = evolveFact(event.streamId, stream.state, event);
      if (next === stream.state) continue;
      const { changed, removed } = changedParts(stream.state, next);
      for (const key of removed) this.close(event, stream, key);
      for (const [key, value] of changed) {
        if (stream.current.get(key)?.value.body === value.body) continue;
        this.close(event, stream, key);
        const version: Opened = { streamId: event.streamId, key, recordedFrom: event.metadata.recordedAt, value, recordedTo: null };
        stream.current.set(key, version);
        this.opened.add(version);
      }
      stream.state = next;
    }
  }

  private newStream(streamId: string): StreamHistory {
    const stream: StreamHistory = { state: undefined, current: new Map(), lastRecordedAt: -Infinity, inOrder: true };
    this.streams.set(streamId, stream);
    return stream;
  }

  /** Ends the current version of `key`, if any, at `event`. */
  private close(event: StoredEvent, stream: StreamHistory, key: string): void {
    const version = stream.current.get(key);
    if (version === undefined) return;
    stream.current.delete(key);
    if (this.opened.has(version)) (version as Opened).recordedTo = event.metadata.recordedAt;
    else this.closed.push({ streamId: event.streamId, key, recordedTo: event.metadata.recordedAt });
  }

  takeWrite(): PendingWrite {
    if (this.touched.size === 0) return NOTHING_TO_WRITE;
    const opened = openedRows(this.opened as Set<Opened>);
    const closed = JSON.stringify(this.closed.map((c) => ({ ...parsePartKey(c.key), s: c.streamId, rt: c.recordedTo })));
    const streams = JSON.stringify([...this.touched].map((id) => {
      const s = this.streams.get(id) as StreamHistory;
      return { s: id, a: new Date(s.lastRecordedAt).toISOString(), o: s.inOrder };
    }));
    const anyClosed = this.closed.length > 0;
    [this.opened, this.closed, this.touched] = [new Set(), [], new Set()];
    return async (tx) => {
      // Closed first: the part's one row still open is the version to close, and a new one may be about to open.
      if (anyClosed) {
        // Each row is found by the index on its stream, then updated by its row id: joined on the columns, a
        // table not yet analysed (as after a rebuild) got a scan of every row per write.
        await tx.query(
          `UPDATE ledger_state_parts AS t SET recorded_to = c.rt
           FROM json_to_recordset($1::json) AS c(s text, part text, item int, rt timestamptz) CROSS JOIN LATERAL (
             SELECT ctid AS row_id FROM ledger_state_parts
             WHERE stream_id = c.s AND part = c.part AND item = c.item AND recorded_to IS NULL OFFSET 0) AS open
           WHERE t.ctid = open.row_id`,
          [closed],
        );
      }
      if (opened !== '') await tx.copyRows('ledger_state_parts', PART_COLUMNS, opened);
      await tx.query(
        `INSERT INTO ledger_state_streams (stream_id, last_recorded_at, in_order)
         SELECT s, a, o FROM json_to_recordset($1::json) AS r(s text, a timestamptz, o boolean)
         ON CONFLICT (stream_id) DO UPDATE SET last_recorded_at = excluded.last_recorded_at, in_order = excluded.in_order`,
        [streams],
      );
    };
  }
}

const PART_COLUMNS = ['stream_id', 'part', 'item', 'body', 'valid_from', 'valid_to', 'recorded_from', 'recorded_to'];

/** The rows to insert, in COPY's text format (`copyRows`): a body goes in as the JSON it already is. */
function openedRows(versions: Iterable<Opened>): string {
  let rows = '';
  for (const v of versions) {
    const { part, item } = parsePartKey(v.key);
    rows += `${copyText(v.streamId)}\t${copyText(part)}\t${item}\t${copyText(v.value.body)}\t${copyText(v.value.validFrom)}\t`
      + `${copyText(v.value.validTo)}\t${v.recordedFrom}\t${copyText(v.recordedTo)}\n`;
  }
  return rows;
}

/** A stream noted as stored, with one of its current parts (none when `part` is null). */
interface StoredPart {
  stream_id: string; last_recorded_at: string; in_order: boolean;
  part: string | null; item: number; body: unknown; valid_from: string | null; valid_to: string | null; recorded_from: string;
}

/**
 * The streams `events` touch, each with its current parts and state as stored, in one statement. Each
 * stream's parts are looked up by the index on their own (`OFFSET 0` keeps them apart): as a plain join,
 * a batch of several streams on a table not yet analysed read every row, 200–800 ms at 20,000 placements.
 */
async function loadStreams(tx: SqlExecutor, streamIds: readonly string[]): Promise<Map<string, StreamHistory>> {
  const streams = new Map<string, StreamHistory>();
  if (streamIds.length === 0) return streams;
  const rows = await tx.query<StoredPart>(
    `SELECT s.stream_id, to_json(s.last_recorded_at)#>>'{}' AS last_recorded_at, s.in_order,
       p.part, p.item, p.body, p.valid_from::text, p.valid_to::text, to_json(p.recorded_from)#>>'{}' AS recorded_from
     FROM ledger_state_streams AS s LEFT JOIN LATERAL (
       SELECT part, item, body, valid_from, valid_to, recorded_from FROM ledger_state_parts
       WHERE stream_id = s.stream_id AND recorded_to IS NULL OFFSET 0) AS p ON true
     WHERE s.stream_id = ANY($1)`, [streamIds]);
  const parts: { stream_id: string; part: string; item: number; body: unknown }[] = [];
  for (const row of rows) {
    let stream = streams.get(row.stream_id);
    if (stream === undefined) {
      stream = { state: undefined, current: new Map(), lastRecordedAt: Date.parse(row.last_recorded_at), inOrder: row.in_order };
      streams.set(row.stream_id, stream);
    }
    if (row.part === null) continue;
    stream.current.set(partKey(row.part, row.item), {
      recordedFrom: new Date(row.recorded_from).toISOString(), value: { body: JSON.stringify(row.body), validFrom: row.valid_from, validTo: row.valid_to },
    });
    parts.push({ stream_id: row.stream_id, part: row.part, item: row.item, body: row.body });
  }
  for (const [id, list] of partsByStream(parts)) (streams.get(id) as StreamHistory).state = assembleState<Fields>(list);
  return streams;
}

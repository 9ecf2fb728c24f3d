import { migrate, type Migration } from './migrations';
import type { SqlDatabase } from './sql-database';

/** SQLSTATEs raised by ledger_append, read back by the adapter. */
export const WRONG_EXPECTED_REVISION = 'LE001';
export const DUPLICATE_EVENT_ID = 'LE002';
/** The append waited behind a younger transaction; retrying in a new transaction is safe. */
export const APPEND_RETRY = 'LE003';

/** The channel the PostgreSQL adapter notifies after appends commit, so other processes' subscribers wake without polling. */
export const EVENTS_CHANNEL = 'ledger_events';

/**
 * `ledger_append(stream, expected, events)`: the whole append in one call (one round trip).
 * `expected` is the stream's last revision, -1 for "no stream", -2 for "any".
 *
 * - The stream row is locked first, so everything checked after it sees every earlier writer of
 *   this stream committed (READ COMMITTED takes a fresh snapshot per statement); two racing appends
 *   at one expected revision queue on the lock and the second sees the first's revision: LE001.
 * - The same event ids already at consecutive revisions of this stream: an idempotent repeat,
 *   answered with the first append's result. Any of them elsewhere: LE002, found by the insert itself
 *   (`ON CONFLICT (event_id) DO NOTHING` and a count), so no statement looks ids up with `= ANY`, whose
 *   cached plan on a new table is a sequential scan that every later append would repeat.
 * - No NOTIFY here: it would hold the server-wide notification lock until this commit was flushed,
 *   making every append commit one after another. The adapter notifies after the commit.
 * - Readers order events by (transaction id, position). A transaction that took its id before
 *   queueing on the lock behind a younger one would sort before the events it follows in the
 *   stream; it is refused with LE003 instead, and the adapter retries with a fresh transaction id.
 */
const APPEND_FUNCTION = `CREATE OR REPLACE FUNCTION ledger_append(p_stream text, p_expected bigint, p_events jsonb)
RETURNS TABLE (next_revision text, tx text, pos text) LANGUAGE plpgsql AS $fn$
DECLARE
  v_count int := jsonb_array_length(p_events);
  v_ids uuid[];
  v_current bigint;
  v_first_revision bigint;
  v_in_place int;
  v_elsewhere uuid;
  v_inserted int;
  v_last_tx xid8;
BEGIN
  INSERT INTO ledger_streams (stream_id, revision) VALUES (p_stream, -1) ON CONFLICT (stream_id) DO NOTHING;
  SELECT s.revision INTO v_current FROM ledger_streams s WHERE s.stream_id = p_stream FOR UPDATE;

  SELECT e.stream_revision INTO v_first_revision FROM ledger_events e
    WHERE e.event_id = (p_events->0->>'eventId')::uuid AND e.stream_id = p_stream;
  IF v_first_revision IS NOT NULL THEN
    v_ids := ledger_event_ids(p_events);
    SELECT count(*) INTO v_in_place
      FROM unnest(v_ids) WITH ORDINALITY AS n(id, i)
      JOIN ledger_events e ON e.event_id = n.id AND e.stream_id = p_stream AND e.stream_revision = v_first_revision + n.i - 1;
    IF v_in_place = v_count THEN
      RETURN QUERY SELECT e.stream_revision::text, e.transaction_id::text, e.global_position::text
        FROM ledger_events e WHERE e.stream_id = p_stream AND e.stream_revision = v_first_revision + v_count - 1;
      RETURN;
    END IF;
  END IF;
  IF p_expected <> -2 AND p_expected <> v_current THEN
    RAISE EXCEPTION 'stream % is at revision %', p_stream, v_current USING ERRCODE = 'LE001', DETAIL = v_current::text;
  END IF;
  IF v_current >= 0 THEN
    SELECT e.transaction_id INTO v_last_tx FROM ledger_events e WHERE e.stream_id = p_stream AND e.stream_revision = v_current;
    IF v_last_tx > pg_current_xact_id() THEN
      RAISE EXCEPTION 'stream % was appended by a younger transaction; retry', p_stream USING ERRCODE = 'LE003';
    END IF;
  END IF;

  UPDATE ledger_streams SET revision = v_current + v_count WHERE stream_id = p_stream;
  INSERT INTO ledger_events (stream_id, stream_revision, event_id, event_type, event_version, data, metadata, recorded_at)
    SELECT p_stream, v_current + n.i, (n.ev->>'eventId')::uuid, n.ev->>'type', (n.ev->>'version')::int,
           n.ev->'data', n.ev->'metadata', COALESCE((n.ev->'metadata'->>'recordedAt')::timestamptz, now())
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS n(ev, i)
     ORDER BY n.i
  ON CONFLICT (event_id) DO NOTHING;
  GET DIAGNOSTICS v_inserted = ROW_COUNT;
  IF v_inserted < v_count THEN
    -- An id already stored (or twice in this append): the exception undoes the whole append.
    v_ids := ledger_event_ids(p_events);
    SELECT n.id INTO v_elsewhere FROM unnest(v_ids) WITH ORDINALITY AS n(id, i)
      WHERE NOT EXISTS (SELECT 1 FROM ledger_events e WHERE e.event_id = n.id AND e.stream_id = p_stream AND e.stream_revision = v_current + n.i)
      ORDER BY n.i LIMIT 1;
    RAISE EXCEPTION 'event % was already appended elsewhere', v_elsewhere USING ERRCODE = 'LE002', DETAIL = v_elsewhere::text;
  END IF;
  RETURN QUERY SELECT (v_current + v_count)::text, pg_current_xact_id()::text, currval('ledger_events_global_position_seq')::text;
END
$fn$`;

/**
 * The ids of an append's events, in order: read only when an append repeats or clashes, not on every append.
 * Created by migration 3; the append function of earlier versions names it but only calls it when it runs,
 * and every migration runs before the first append.
 */
const EVENT_IDS_FUNCTION = `CREATE OR REPLACE FUNCTION ledger_event_ids(p_events jsonb) RETURNS uuid[] LANGUAGE sql IMMUTABLE AS $fn$
  SELECT array_agg((n.ev->>'eventId')::uuid ORDER BY n.i) FROM jsonb_array_elements(p_events) WITH ORDINALITY AS n(ev, i)
$fn$`;

/**
 * The event table and append function, shared by PGlite and PostgreSQL. `transaction_id` is the
 * writer's xid8: readers use it never to skip an event committed late (see sql-event-store.ts).
 */
export const EVENT_STORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'ledger_events, ledger_streams and ledger_append',
    statements: [
      `CREATE TABLE IF NOT EXISTS ledger_events (
         global_position bigserial PRIMARY KEY,
         transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
         stream_id text NOT NULL,
         stream_revision bigint NOT NULL,
         event_id uuid NOT NULL,
         event_type text NOT NULL,
         event_version int NOT NULL,
         data jsonb NOT NULL,
         metadata jsonb NOT NULL,
         recorded_at timestamptz NOT NULL,
         CONSTRAINT ledger_events_event_id UNIQUE (event_id),
         CONSTRAINT ledger_events_stream_revision UNIQUE (stream_id, stream_revision))`,
      'CREATE INDEX IF NOT EXISTS ledger_events_global_order ON ledger_events (transaction_id, global_position)',
      'CREATE TABLE IF NOT EXISTS ledger_streams (stream_id text PRIMARY KEY, revision bigint NOT NULL)',
      APPEND_FUNCTION,
    ],
  },
  {
    version: 2,
    description: 'ledger_append: duplicate ids found by the insert, no NOTIFY inside the append',
    statements: [APPEND_FUNCTION],
  },
  {
    version: 3,
    description: 'ledger_append: the events\' ids listed only when an append repeats or clashes',
    statements: [EVENT_IDS_FUNCTION, APPEND_FUNCTION],
  },
];

export async function migrateEventStore(db: SqlDatabase): Promise<void> {
  await migrate(db, 'event-store', EVENT_STORE_MIGRATIONS);
}

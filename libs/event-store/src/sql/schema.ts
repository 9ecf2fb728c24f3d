import type { SqlExecutor } from './sql-database';

/** SQLSTATEs raised by ledger_append, read back by the adapter. */
export const WRONG_EXPECTED_REVISION = 'LE001';
export const DUPLICATE_EVENT_ID = 'LE002';

/**
 * The event table and the append function, shared by PGlite and PostgreSQL. `transaction_id` is the
 * writer's xid8: readers use it to never skip an event committed late (see sql-event-store.ts).
 */
const STATEMENTS = [
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
  `CREATE TABLE IF NOT EXISTS ledger_streams (stream_id text PRIMARY KEY, revision bigint NOT NULL)`,
  // One round trip per append. The stream row is locked first, so everything checked after it
  // (idempotent repeat, expected revision) sees every earlier writer of this stream committed.
  `CREATE OR REPLACE FUNCTION ledger_append(p_stream text, p_expected bigint, p_events jsonb)
   RETURNS TABLE (next_revision text, tx text, pos text) LANGUAGE plpgsql AS $fn$
   DECLARE
     v_current bigint;
     v_count int := jsonb_array_length(p_events);
     v_first uuid := (p_events->0->>'eventId')::uuid;
     v_found_stream text;
     v_found_revision bigint;
     v_matched int;
   BEGIN
     INSERT INTO ledger_streams (stream_id, revision) VALUES (p_stream, -1) ON CONFLICT (stream_id) DO NOTHING;
     SELECT s.revision INTO v_current FROM ledger_streams s WHERE s.stream_id = p_stream FOR UPDATE;
     SELECT e.stream_id, e.stream_revision INTO v_found_stream, v_found_revision FROM ledger_events e WHERE e.event_id = v_first;
     IF FOUND THEN
       SELECT count(*) INTO v_matched
         FROM jsonb_array_elements(p_events) WITH ORDINALITY AS n(ev, i)
         JOIN ledger_events e ON e.event_id = (n.ev->>'eventId')::uuid
        WHERE e.stream_id = p_stream AND e.stream_revision = v_found_revision + n.i - 1;
       IF v_found_stream = p_stream AND v_matched = v_count THEN
         RETURN QUERY SELECT e.stream_revision::text, e.transaction_id::text, e.global_position::text
           FROM ledger_events e WHERE e.stream_id = p_stream AND e.stream_revision = v_found_revision + v_count - 1;
         RETURN;
       END IF;
       RAISE EXCEPTION 'event % was already appended elsewhere', v_first USING ERRCODE = 'LE002', DETAIL = v_first::text;
     END IF;
     IF p_expected <> -2 AND p_expected <> v_current THEN
       RAISE EXCEPTION 'stream % is at revision %', p_stream, v_current USING ERRCODE = 'LE001', DETAIL = v_current::text;
     END IF;
     UPDATE ledger_streams SET revision = v_current + v_count WHERE stream_id = p_stream;
     INSERT INTO ledger_events (stream_id, stream_revision, event_id, event_type, event_version, data, metadata, recorded_at)
       SELECT p_stream, v_current + n.i, (n.ev->>'eventId')::uuid, n.ev->>'type', (n.ev->>'version')::int,
              n.ev->'data', n.ev->'metadata', COALESCE((n.ev->'metadata'->>'recordedAt')::timestamptz, now())
         FROM jsonb_array_elements(p_events) WITH ORDINALITY AS n(ev, i)
        ORDER BY n.i;
     PERFORM pg_notify('ledger_events', '');
     RETURN QUERY SELECT (v_current + v_count)::text, pg_current_xact_id()::text, currval('ledger_events_global_position_seq')::text;
   END
   $fn$`,
];

export async function migrateEventStore(db: SqlExecutor): Promise<void> {
  for (const statement of STATEMENTS) await db.query(statement);
}

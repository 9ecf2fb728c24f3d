import { parseStreamId } from '@ledger/domain';
import type { SqlExecutor, StoredEvent } from '@ledger/event-store';
import type { Projection } from '../projection';

/**
 * Every placement and budget event keyed by when it was recorded, so any figure can be recomputed
 * "as known at" an instant: the returns fold the events recorded by then, with the domain's own
 * evolve, and nothing recorded later can change them.
 */
export const ledgerFactsProjection: Projection = {
  name: 'ledger-facts',

  async migrate(db: SqlExecutor) {
    await db.query(`CREATE TABLE IF NOT EXISTS ledger_facts (
      stream_id text NOT NULL, revision int NOT NULL, recorded_at timestamptz NOT NULL, event_type text NOT NULL,
      event_version int NOT NULL, data jsonb NOT NULL, PRIMARY KEY (stream_id, revision))`);
    // The global position breaks ties between facts recorded at the same instant: the order appended.
    await db.query(`ALTER TABLE ledger_facts ADD COLUMN IF NOT EXISTS position text NOT NULL DEFAULT ''`);
    await db.query('CREATE INDEX IF NOT EXISTS ledger_facts_recorded ON ledger_facts (recorded_at, position)');
    // The order written, so a reader holding the ledger folded up to fact n folds in only the facts after it.
    await db.query('ALTER TABLE ledger_facts ADD COLUMN IF NOT EXISTS seq bigserial');
    await db.query('CREATE UNIQUE INDEX IF NOT EXISTS ledger_facts_seq ON ledger_facts (seq)');
  },

  async reset(tx: SqlExecutor) {
    await tx.query('DELETE FROM ledger_facts');
  },

  async apply(tx: SqlExecutor, events: readonly StoredEvent[]) {
    // The ledger's facts are its placements and budgets; issued reports are records about them, not facts.
    const facts = events.filter((e) => { const kind = parseStreamId(e.streamId)?.kind; return kind === 'placement' || kind === 'budget'; });
    if (facts.length === 0) return;
    // One statement per batch: the rows travel as one JSON array, and take their seq in the log's order.
    await tx.query(
      `INSERT INTO ledger_facts (stream_id, revision, recorded_at, event_type, event_version, data, position)
       SELECT f->>'streamId', (f->>'revision')::int, (f->>'recordedAt')::timestamptz, f->>'type', (f->>'version')::int, f->'data', f->>'position'
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(f, n) ORDER BY n
       ON CONFLICT (stream_id, revision) DO NOTHING`,
      [JSON.stringify(facts.map((e) => ({
        streamId: e.streamId, revision: e.streamRevision, recordedAt: e.metadata.recordedAt, type: e.type, version: e.version, data: e.data, position: e.position,
      })))],
    );
  },
};

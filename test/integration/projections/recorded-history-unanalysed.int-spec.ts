import { openPostgresDatabase, SqlEventStore, START, type GlobalPosition } from '@ledger/event-store';
import { ProjectionRunner, rebuildReadModels, recordedHistoryProjection, statesKnownAt } from '@ledger/projections';
import { syntheticLedger } from '../../bench/synthetic-ledger';
import { createTestDatabase } from '../../support/postgres';

/** Facts of each placement kept back from the log before the rebuild, then written as live batches. */
const HELD_BACK = 3;

describe('rows over recorded time in a table never analysed, as a rebuild leaves it, on PostgreSQL', () => {
  it('are found by their stream index for live writes and for a past instant, never by reading the whole table', async () => {
    const { url, drop } = await createTestDatabase();
    // One connection, so the statistics read below are those of the backend that ran every statement.
    const db = await openPostgresDatabase(url, 1);
    const store = await SqlEventStore.open(db);
    const runner = new ProjectionRunner(store, db, [recordedHistoryProjection]);
    const parts = async () => {
      await db.query('SELECT pg_stat_force_next_flush()');
      const [row] = await db.query<{ scans: string; analysed: boolean }>(
        `SELECT seq_scan::text AS scans, (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL) AS analysed
         FROM pg_stat_user_tables WHERE relname = 'ledger_state_parts'`);
      return { scans: Number(row.scans), analysed: row.analysed };
    };
    try {
      const streams = [...syntheticLedger({ placements: 300, years: 3, today: '2026-11-23', termDays: 28, seed: 9 })];
      for (const { streamId, events } of streams) await store.append(streamId, 'no-stream', events.slice(0, -HELD_BACK));
      await rebuildReadModels(store, runner);
      await db.query('ALTER TABLE ledger_state_parts SET (autovacuum_enabled = false)');
      const [{ rows }] = await db.query<{ rows: string }>('SELECT count(*)::text AS rows FROM ledger_state_parts');
      expect(Number(rows)).toBeGreaterThan(10_000);
      const before = await parts();

      // The held-back facts, appended and then applied in batches of several streams each, as the live runner does.
      let from: GlobalPosition = (await store.readAll({ from: START, limit: 1_000_000 })).at(-1)?.position ?? START;
      for (const { streamId, events } of streams) await store.append(streamId, events.length - HELD_BACK - 1, events.slice(-HELD_BACK));
      for (let batch = await store.readAll({ from, limit: 120 }); batch.length > 0; batch = await store.readAll({ from, limit: 120 })) {
        await runner.applyBatch(batch);
        from = batch[batch.length - 1].position;
      }
      const known = await statesKnownAt(db, Date.parse('2026-06-01T12:00:00Z'), streams.map((s) => s.streamId));
      expect(known?.placements.size).toBeGreaterThan(100);

      const after = await parts();
      expect(after.analysed).toBe(false);
      expect(after.scans).toBe(before.scans);
    } finally {
      await store.close();
      await db.close();
      await drop();
    }
  });
});

import { recordedHistoryProjection } from '@ledger/projections';
import { createTestSqlDatabase } from '../../support/sql-database';

describe.each(['embedded', 'postgres'] as const)('rows over recorded time made by an earlier release, on the %s store', (kind) => {
  it('lose the columns naming the events that opened and closed them, and keep everything else', async () => {
    const { db, drop } = await createTestSqlDatabase(kind);
    try {
      // The table as the first release of the rows made it.
      await db.query(`CREATE TABLE ledger_state_parts (
        stream_id text NOT NULL, part text NOT NULL, item integer NOT NULL, opened text NOT NULL, body json NOT NULL,
        valid_from date, valid_to date, recorded_from timestamptz NOT NULL, recorded_to timestamptz, closed text)`);
      await db.query(`INSERT INTO ledger_state_parts VALUES
        ('placement-a', 'head', 0, '1:1', '{"status":"Requested"}', NULL, NULL, '2026-11-02T10:00:00Z', '2026-11-03T10:00:00Z', '1:2'),
        ('placement-a', 'head', 0, '1:2', '{"status":"Withdrawn"}', NULL, NULL, '2026-11-03T10:00:00Z', NULL, NULL)`);
      await recordedHistoryProjection.migrate(db);
      await recordedHistoryProjection.migrate(db); // and again at the next start: nothing left to drop
      const columns = await db.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'ledger_state_parts' ORDER BY ordinal_position`);
      expect(columns.map((c) => c.column_name)).toEqual(['stream_id', 'part', 'item', 'body', 'valid_from', 'valid_to', 'recorded_from', 'recorded_to']);
      const rows = await db.query<{ body: unknown; open: boolean }>(
        'SELECT body, recorded_to IS NULL AS open FROM ledger_state_parts ORDER BY recorded_from');
      expect(rows).toEqual([{ body: { status: 'Requested' }, open: false }, { body: { status: 'Withdrawn' }, open: true }]);
    } finally {
      await drop();
    }
  });
});

import type { SqlExecutor, StoredEvent } from '@ledger/event-store';
import { NOTHING_TO_WRITE, type PendingWrite, type Projection, type ProjectionFold } from '../projection';

/** Issued weekly reports, for listing; the reports themselves stay in their streams, unchanged. */
export interface IssuedReportEntry {
  readonly reportId: string;
  readonly weekCommencing: string;
  readonly issuedAt: string;
  readonly asAt: string;
  readonly streamId: string;
}

export const issuedReportsProjection: Projection = {
  name: 'issued-reports',
  async migrate(db: SqlExecutor) {
    await db.query(`CREATE TABLE IF NOT EXISTS issued_reports (
      report_id text PRIMARY KEY, week_commencing text NOT NULL, issued_at text NOT NULL, as_at text NOT NULL, stream_id text NOT NULL)`);
  },
  async reset(tx: SqlExecutor) {
    await tx.query('DELETE FROM issued_reports');
  },
  foldOver: async () => new IssuedReportsFold(),
  foldFromEmpty: () => new IssuedReportsFold(),
};

/** Each issued report's entry; a report already listed (a replay) is left as it was. */
class IssuedReportsFold implements ProjectionFold {
  private issued: unknown[] = [];

  add(events: readonly StoredEvent[]): void {
    for (const e of events) {
      if (e.type !== 'WeeklyReportIssued') continue;
      this.issued.push({ reportId: e.data.reportId, weekCommencing: e.data.weekCommencing, issuedAt: e.metadata.recordedAt, asAt: e.data.asAt, streamId: e.streamId });
    }
  }

  takeWrite(): PendingWrite {
    if (this.issued.length === 0) return NOTHING_TO_WRITE;
    const issued = JSON.stringify(this.issued);
    this.issued = [];
    return async (tx) => {
      await tx.query(
        `INSERT INTO issued_reports (report_id, week_commencing, issued_at, as_at, stream_id)
         SELECT r->>'reportId', r->>'weekCommencing', r->>'issuedAt', r->>'asAt', r->>'streamId' FROM jsonb_array_elements($1::jsonb) AS r
         ON CONFLICT (report_id) DO NOTHING`,
        [issued],
      );
    };
  }
}

/** Newest first. */
export async function listIssuedReports(db: SqlExecutor): Promise<IssuedReportEntry[]> {
  const rows = await db.query<{ report_id: string; week_commencing: string; issued_at: string; as_at: string; stream_id: string }>(
    'SELECT report_id, week_commencing, issued_at, as_at, stream_id FROM issued_reports ORDER BY issued_at DESC, week_commencing DESC');
  return rows.map((r) => ({ reportId: r.report_id, weekCommencing: r.week_commencing, issuedAt: r.issued_at, asAt: r.as_at, streamId: r.stream_id }));
}

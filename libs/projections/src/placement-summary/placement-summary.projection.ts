import { placementIdOf, placementStreamId, upcastPlacementEvent, type PlacementEvent } from '@ledger/domain';
import type { SqlExecutor, StoredEvent } from '@ledger/event-store';
import { NOTHING_TO_WRITE, type PendingWrite, type Projection, type ProjectionFold } from '../projection';
import { placementListSql, type PlacementListFilter } from './placement-list-query';
import { draftOf, emptySummary, foldIntoSummary, rateInForce, type PlacementStatus, type PlacementSummary, type SummaryDraft } from './placement-summary';

const COLUMNS = [
  'placement_id', 'status', 'child_ref', 'placement_type', 'cost_centre', 'provider_id', 'provider_name',
  'weekly_rate_pence', 'rates', 'start_date', 'term_end', 'end_date', 'revision', 'last_recorded_at',
  'provider', 'commissioned_position', 'reviewed_term_end',
] as const;

/**
 * What the list's queries need beyond the summary itself: the provider as commissioned (for the form's
 * choice of known providers) and the term last reviewed (for the review-due filters). Kept in the same
 * row, so no query needs the log.
 */
interface Extras {
  provider: unknown;
  commissioned_position: string | null;
  reviewed_term_end: string | null;
}

interface Row {
  placement_id: string; status: string; child_ref: string; placement_type: string | null; cost_centre: string | null;
  provider_id: string | null; provider_name: string | null; weekly_rate_pence: string | number | null;
  rates: PlacementSummary['rates'] | null; start_date: string | null; term_end: string | null; end_date: string | null; revision: string | number; last_recorded_at: string;
}

const EXTRA_COLUMNS = `provider jsonb, commissioned_position text, reviewed_term_end text`;

/**
 * A stored row; with `asOf`, the weekly rate is the one in force that day. Rows written before the rates
 * were kept (`rates` null) keep their stored rate until a rebuild (`npm run ledger -- rebuild`).
 */
export function rowToSummary(row: Row, asOf?: string): PlacementSummary {
  const stored = row.weekly_rate_pence === null ? null : Number(row.weekly_rate_pence);
  const rates = (row.rates ?? []).map((r) => ({ effectiveFrom: r.effectiveFrom, weeklyRatePence: Number(r.weeklyRatePence) }));
  return {
    placementId: row.placement_id, status: row.status as PlacementStatus, childRef: row.child_ref,
    placementType: row.placement_type, costCentre: row.cost_centre, providerId: row.provider_id,
    providerName: row.provider_name, weeklyRatePence: row.rates === null ? stored : rateInForce(rates, asOf), rates,
    startDate: row.start_date, termEnd: row.term_end, endDate: row.end_date, revision: Number(row.revision),
    lastRecordedAt: row.last_recorded_at,
  };
}

/** The placements the events belong to, each once. */
const placementIdsOf = (events: readonly StoredEvent[]): string[] =>
  [...new Set(events.map((e) => placementIdOf(e.streamId)).filter((id) => id !== undefined))];

const noExtras = (): Extras => ({ provider: null, commissioned_position: null, reviewed_term_end: null });

/** A placement's summary as it is being moved on, and what the list needs beside it. */
interface Entry {
  readonly draft: SummaryDraft;
  readonly extra: Extras;
}

/** Summaries moved on in place, one entry per placement; a write upserts the ones changed, in one statement. */
class SummaryFold implements ProjectionFold {
  /** By stream id; `null` for a stream that is not a placement's. */
  private readonly entries = new Map<string, Entry | null>();
  private readonly changed = new Set<Entry>();

  constructor(stored: readonly (Row & Extras)[] = []) {
    for (const row of stored) {
      const extra = { provider: row.provider, commissioned_position: row.commissioned_position, reviewed_term_end: row.reviewed_term_end };
      this.entries.set(placementStreamId(row.placement_id), { draft: draftOf(rowToSummary(row)), extra });
    }
  }

  private entryOf(streamId: string): Entry | null {
    let entry = this.entries.get(streamId);
    if (entry === undefined) {
      const id = placementIdOf(streamId);
      this.entries.set(streamId, (entry = id === undefined ? null : { draft: draftOf(emptySummary(id)), extra: noExtras() }));
    }
    return entry;
  }

  add(events: readonly StoredEvent[]): void {
    // A command's events lie together, so the entry of the stream before is often the one wanted.
    let streamId: string | undefined;
    let entry: Entry | null = null;
    for (const stored of events) {
      if (stored.streamId !== streamId) {
        streamId = stored.streamId;
        entry = this.entryOf(streamId);
        if (entry !== null) this.changed.add(entry);
      }
      if (entry === null) continue;
      const event: PlacementEvent = upcastPlacementEvent(stored.type, stored.version, stored.data);
      foldIntoSummary(entry.draft, event, { revision: stored.streamRevision, recordedAt: stored.metadata.recordedAt });
      if (event.type === 'PlacementCommissioned') Object.assign(entry.extra, { provider: event.data.provider, commissioned_position: stored.position });
      else if (event.type === 'FourWeekReviewRecorded') entry.extra.reviewed_term_end = event.data.termEnd;
    }
  }

  takeWrite(): PendingWrite {
    if (this.changed.size === 0) return NOTHING_TO_WRITE;
    const rows = JSON.stringify([...this.changed].map(({ draft, extra }) => rowOf(draft, extra)));
    this.changed.clear();
    // One statement for them all: the rows travel as a JSON array.
    return async (tx) => {
      await tx.query(
        `INSERT INTO placement_summary (${COLUMNS.join(', ')})
         SELECT ${COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(
           placement_id text, status text, child_ref text, placement_type text, cost_centre text, provider_id text,
           provider_name text, weekly_rate_pence bigint, rates jsonb, start_date text, term_end text, end_date text, revision bigint, last_recorded_at text,
           ${EXTRA_COLUMNS})
         ON CONFLICT (placement_id) DO UPDATE SET ${COLUMNS.slice(1).map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
        [rows],
      );
    };
  }
}

const rowOf = (r: SummaryDraft, extra: Extras) => ({
  placement_id: r.placementId, status: r.status, child_ref: r.childRef, placement_type: r.placementType, cost_centre: r.costCentre,
  provider_id: r.providerId, provider_name: r.providerName, weekly_rate_pence: r.weeklyRatePence, rates: r.rates, start_date: r.startDate,
  term_end: r.termEnd, end_date: r.endDate, revision: r.revision, last_recorded_at: r.lastRecordedAt, ...extra,
});

/** The placements list. Events are folded in memory per placement and each placement written once per write. */
export const placementSummaryProjection: Projection = {
  name: 'placement-summary',

  async migrate(db: SqlExecutor) {
    await db.query(`CREATE TABLE IF NOT EXISTS placement_summary (
      placement_id text PRIMARY KEY, status text NOT NULL, child_ref text NOT NULL, placement_type text,
      cost_centre text, provider_id text, provider_name text, weekly_rate_pence bigint, start_date text,
      term_end text, end_date text, revision bigint NOT NULL, last_recorded_at text NOT NULL)`);
    await db.query('CREATE INDEX IF NOT EXISTS placement_summary_status ON placement_summary (status, cost_centre)');
    // Added later: every rate by effective date, so the list shows the rate in force rather than the last recorded.
    await db.query('ALTER TABLE placement_summary ADD COLUMN IF NOT EXISTS rates jsonb');
    // Added later still, when the copy of the log was retired: rows written before are projected again.
    const [has] = await db.query<{ n: string | number }>(`SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'placement_summary' AND column_name = 'reviewed_term_end'`);
    if (Number(has?.n ?? 0) === 0) {
      await db.query(`ALTER TABLE placement_summary ADD COLUMN IF NOT EXISTS provider jsonb, ADD COLUMN IF NOT EXISTS commissioned_position text, ADD COLUMN IF NOT EXISTS reviewed_term_end text`);
      await db.query('DELETE FROM placement_summary');
      await db.query(`DELETE FROM projection_checkpoints WHERE name = 'placement-summary'`);
    }
  },

  async reset(tx: SqlExecutor) {
    await tx.query('DELETE FROM placement_summary');
  },

  async foldOver(tx: SqlExecutor, events: readonly StoredEvent[]) {
    const ids = placementIdsOf(events);
    if (ids.length === 0) return new SummaryFold();
    return new SummaryFold(await tx.query<Row & Extras>(`SELECT ${COLUMNS.join(', ')} FROM placement_summary WHERE placement_id = ANY($1::text[])`, [ids]));
  },

  foldFromEmpty: () => new SummaryFold(),
};

/** The placements list, filtered, sorted and paged in SQL (see placementListSql); no filter: every placement. */
export async function listPlacementSummaries(db: SqlExecutor, filter: PlacementListFilter): Promise<PlacementSummary[]> {
  const { where, orderBy, paging, params } = placementListSql(filter);
  const rows = await db.query<Row>(
    `SELECT ${COLUMNS.join(', ')} FROM placement_summary WHERE ${where} ORDER BY ${orderBy} ${paging}`,
    params,
  );
  return rows.map((row) => rowToSummary(row, filter.asOf));
}

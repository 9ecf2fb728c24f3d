import type { BudgetState, PlacementState } from '@ledger/domain';
import type { SqlExecutor } from '@ledger/event-store';
import { LedgerFold, type FactRow } from './ledger-fold';

/** The ledger as it was known at an instant: every placement's state and every year's budgets. */
export interface LedgerAsAt {
  readonly asAt: string;
  readonly placements: readonly PlacementState[];
  readonly budgets: ReadonlyMap<string, BudgetState>;
  /** The same placements by stream id, for replaying later facts onto them. */
  readonly streams?: ReadonlyMap<string, PlacementState>;
}

/** One recorded event, as the read model keeps it. */
export interface LedgerFact {
  readonly streamId: string;
  readonly recordedAt: string;
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
}

const COLUMNS = 'seq, stream_id, revision, event_type, event_version, data, recorded_at';
/** Rows per round trip when folding the whole ledger: the fold never holds more of the log than this. */
const PAGE = 20_000;

/** Facts recorded after `from` up to and including `to`, in the order they were recorded. */
export async function loadFactsBetween(db: SqlExecutor, from: Date, to: Date): Promise<LedgerFact[]> {
  const rows = await db.query<FactRow>(
    `SELECT ${COLUMNS} FROM ledger_facts
      WHERE recorded_at > $1::timestamptz AND recorded_at <= $2::timestamptz ORDER BY recorded_at, position, stream_id, revision`,
    [from.toISOString(), to.toISOString()]);
  return rows.map((r) => ({ streamId: r.stream_id, recordedAt: new Date(r.recorded_at).toISOString(), type: r.event_type, version: r.event_version, data: r.data }));
}

/** Facts the projector wrote after fact number `seq`, in the order written: at most `limit` + 1 of them. */
export function loadFactsAfter(db: SqlExecutor, seq: number, limit: number): Promise<FactRow[]> {
  return db.query<FactRow>(`SELECT ${COLUMNS} FROM ledger_facts WHERE seq > $1 ORDER BY seq LIMIT $2`, [seq, limit + 1]);
}

/** Pages of the facts matching `where`, in stream and revision order (the primary key), PAGE rows at a time. */
async function* pagesWhere(db: SqlExecutor, where: string, param: unknown): AsyncGenerator<readonly FactRow[]> {
  let after: [string, number] = ['', -1];
  for (;;) {
    const rows = await db.query<FactRow>(
      `SELECT ${COLUMNS} FROM ledger_facts WHERE ${where} AND (stream_id, revision) > ($2, $3) ORDER BY stream_id, revision LIMIT ${PAGE}`,
      [param, after[0], after[1]]);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    after = [last.stream_id, last.revision];
  }
}

/** Every fact recorded by `asAt`, folded with the domain's evolve: the same state the decider saw. */
export function foldLedgerAsAt(db: SqlExecutor, asAt: Date): Promise<LedgerFold> {
  return LedgerFold.build(pagesWhere(db, 'recorded_at <= $1::timestamptz', asAt.toISOString()));
}

/** Every fact written so far, however it is stamped, folded; later facts extend it by `seq`. */
export async function foldWholeLedger(db: SqlExecutor): Promise<LedgerFold> {
  const [row] = await db.query<{ seq: string | number | null }>('SELECT max(seq) AS seq FROM ledger_facts');
  return LedgerFold.build(pagesWhere(db, 'seq <= $1', Number(row?.seq ?? 0)));
}

/** The ledger as known at `asAt`, folded afresh (the reader keeps folds; this is for one-off reads). */
export async function loadLedgerAsAt(db: SqlExecutor, asAt: Date): Promise<LedgerAsAt> {
  return (await foldLedgerAsAt(db, asAt)).at(asAt);
}

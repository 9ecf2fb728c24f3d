import type { GlobalPosition, SqlExecutor } from '@ledger/event-store';
import { foldLedgerAsAt, foldWholeLedger, loadFactsAfter, type LedgerAsAt } from './ledger-as-at';
import type { LedgerFold } from './ledger-fold';

const NEWEST_BY = 'SELECT max(recorded_at) AS newest FROM ledger_facts WHERE recorded_at <= $1::timestamptz';
/** Folds kept for instants before the newest fact: "as at" last week's report and a past asAt, say. */
const EARLIER_FOLDS = 2;
/** More facts than this since the latest fold (an import, a rebuild) and folding afresh is cheaper. */
const MOST_FACTS_FOLDED_IN = 50_000;

/**
 * Reads the ledger as known at an instant.
 *
 * The latest state is folded once and then moved on by the facts written since (by `seq`), so a
 * write costs the placements it touched, not the ledger: the new fold shares every other state.
 * It serves every instant from the newest fact on ("as at now").
 *
 * An instant before the newest fact (a past asAt, last week's report, or facts stamped ahead of
 * this server's clock) is served by a fold of the facts recorded by then, kept while no fact
 * recorded by then arrives: a fact stamped later, as new facts are, leaves it valid.
 */
export class LedgerReader {
  private latest?: { fold: LedgerFold; position: GlobalPosition };
  private syncing?: { position: GlobalPosition; fold: Promise<LedgerFold> };
  /** By the newest recorded instant they hold, most recently used last. */
  private readonly earlier = new Map<number, LedgerFold>();

  constructor(private readonly db: SqlExecutor, private readonly position: () => GlobalPosition) {}

  async at(asAt: Date): Promise<LedgerAsAt> {
    const latest = await this.synced();
    if (asAt.getTime() >= latest.newest) return latest.at(asAt);
    const pivot = await this.newestBy(asAt);
    let fold = this.earlier.get(pivot);
    if (fold === undefined) fold = await foldLedgerAsAt(this.db, new Date(pivot));
    this.earlier.delete(pivot);
    this.earlier.set(pivot, fold);
    for (const stale of [...this.earlier.keys()].slice(0, Math.max(0, this.earlier.size - EARLIER_FOLDS))) this.earlier.delete(stale);
    return fold.at(asAt);
  }

  /**
   * The latest fold, moved on to the projector's position. Syncs run one at a time, and a caller who
   * sees a later position than the running sync waits for a sync of its own (read-your-writes).
   */
  private synced(): Promise<LedgerFold> {
    const position = this.position();
    if (this.latest !== undefined && this.latest.position === position) return Promise.resolve(this.latest.fold);
    if (this.syncing?.position === position) return this.syncing.fold;
    const after = this.syncing?.fold.catch(() => undefined) ?? Promise.resolve(undefined);
    const syncing = { position, fold: after.then(() => this.sync(position)) };
    this.syncing = syncing;
    void syncing.fold.finally(() => { if (this.syncing === syncing) this.syncing = undefined; }).catch(() => undefined);
    return syncing.fold;
  }

  private async sync(position: GlobalPosition): Promise<LedgerFold> {
    if (this.latest?.position === position) return this.latest.fold;
    const current = this.latest?.fold;
    const rows = current === undefined ? [] : await loadFactsAfter(this.db, current.seq, MOST_FACTS_FOLDED_IN);
    const extended = rows.length > MOST_FACTS_FOLDED_IN ? undefined : current?.extend(rows);
    const fold = extended ?? await foldWholeLedger(this.db);
    if (extended === undefined) this.earlier.clear();
    // A fact recorded at or before an earlier fold's instant (a skewed clock, an import) changes that fold.
    const earliest = rows.reduce((min, row) => Math.min(min, new Date(row.recorded_at).getTime()), Infinity);
    for (const pivot of [...this.earlier.keys()]) if (earliest <= pivot) this.earlier.delete(pivot);
    this.latest = { fold, position };
    return fold;
  }

  private async newestBy(asAt: Date): Promise<number> {
    const [row] = await this.db.query<{ newest: Date | string | null }>(NEWEST_BY, [asAt.toISOString()]);
    return row?.newest == null ? 0 : new Date(row.newest).getTime();
  }
}

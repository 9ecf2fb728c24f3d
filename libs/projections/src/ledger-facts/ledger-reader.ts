import type { GlobalPosition, SqlExecutor } from '@ledger/event-store';
import { loadLedgerAsAt, type LedgerAsAt } from './ledger-as-at';

interface Fold {
  readonly position: GlobalPosition;
  /** The newest fact the fold holds (ms since the epoch; 0 when none): every instant from it up to the next fact sees the same ledger. */
  readonly pivot: number;
  readonly ledger: LedgerAsAt;
}

const NEWEST = 'SELECT max(recorded_at) AS newest FROM ledger_facts';
const NEWEST_BY = 'SELECT max(recorded_at) AS newest FROM ledger_facts WHERE recorded_at <= $1::timestamptz';

/**
 * Reads the ledger as known at an instant. Until the projector moves on, two folds are kept: the
 * latest state, which serves every instant after the newest fact ("as at now"), and the last fold
 * asked for about an earlier instant, which serves every instant up to the next fact after it. The
 * second matters when facts are stamped ahead of this server's clock (another server's skew, an
 * imported log, a benchmark): "now" then lies before the newest fact, and without it every query
 * would fold the whole ledger again.
 */
export class LedgerReader {
  private latest?: Fold;
  private earlier?: Fold;

  constructor(private readonly db: SqlExecutor, private readonly position: () => GlobalPosition) {}

  async at(asAt: Date): Promise<LedgerAsAt> {
    const position = this.position();
    const latest = this.latest;
    if (latest !== undefined && latest.position === position && asAt.getTime() >= latest.pivot) return restamped(latest, asAt);
    const newestFact = await this.newest(NEWEST, []);
    if (asAt.getTime() >= newestFact) {
      this.latest = await this.fold(position, newestFact);
      return restamped(this.latest, asAt);
    }
    const pivot = await this.newest(NEWEST_BY, [asAt.toISOString()]);
    const earlier = this.earlier;
    if (earlier !== undefined && earlier.position === position && earlier.pivot === pivot) return restamped(earlier, asAt);
    this.earlier = await this.fold(position, pivot);
    return restamped(this.earlier, asAt);
  }

  private async newest(sql: string, params: unknown[]): Promise<number> {
    const [row] = await this.db.query<{ newest: Date | string | null }>(sql, params);
    return row?.newest == null ? 0 : new Date(row.newest).getTime();
  }

  private async fold(position: GlobalPosition, pivot: number): Promise<Fold> {
    return { position, pivot, ledger: await loadLedgerAsAt(this.db, new Date(pivot)) };
  }
}

const restamped = (fold: Fold, asAt: Date): LedgerAsAt => ({ ...fold.ledger, asAt: asAt.toISOString() });

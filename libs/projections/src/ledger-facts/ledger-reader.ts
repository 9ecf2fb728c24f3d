import type { GlobalPosition, SqlExecutor } from '@ledger/event-store';
import { loadLedgerAsAt, type LedgerAsAt } from './ledger-as-at';

/**
 * Reads the ledger as known at an instant. The latest state is folded once and kept until the
 * projector moves on: a query "as at now" (or any instant after the newest fact) is then served
 * from memory, while a query about an earlier instant always folds the facts recorded by then.
 */
export class LedgerReader {
  private latest?: { readonly position: GlobalPosition; readonly newestFact: number; readonly ledger: LedgerAsAt };

  constructor(private readonly db: SqlExecutor, private readonly position: () => GlobalPosition) {}

  async at(asAt: Date): Promise<LedgerAsAt> {
    const position = this.position();
    const latest = this.latest;
    if (latest !== undefined && latest.position === position && asAt.getTime() >= latest.newestFact) {
      return { ...latest.ledger, asAt: asAt.toISOString() };
    }
    const [row] = await this.db.query<{ newest: Date | string | null }>('SELECT max(recorded_at) AS newest FROM ledger_facts');
    const newestFact = row?.newest == null ? 0 : new Date(row.newest).getTime();
    if (asAt.getTime() < newestFact) return loadLedgerAsAt(this.db, asAt);
    const ledger = await loadLedgerAsAt(this.db, new Date(newestFact));
    this.latest = { position, newestFact, ledger };
    return { ...ledger, asAt: asAt.toISOString() };
  }
}

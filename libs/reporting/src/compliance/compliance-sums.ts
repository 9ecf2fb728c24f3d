import type { PlacementState } from '@ledger/domain';
import { changedBetween, type Kept, type LedgerStreams } from '../kept-sums';

/** The counts a compliance report adds up over placements. */
export const COUNTS = ['external', 'withPriorSearch', 'metInHouse', 'withdrawn', 'onTime', 'late', 'overdue'] as const;
export type Counts = Record<(typeof COUNTS)[number], number>;

/** One placement's part in a compliance report for one window: its counts and its rows in each list. */
export interface CompliancePart<Lists> {
  readonly counts: Partial<Counts>;
  readonly rows?: { readonly [K in keyof Lists]: Lists[K] };
}

/**
 * A compliance report's counts and lists for one ledger (`streams`), kept per window and moved on by
 * the placements whose state changed: counts by difference, lists (in the ledger's placement order)
 * made again only when a changed placement has rows in them.
 */
export class ComplianceSums<Lists extends Record<string, unknown[]>> implements Kept {
  private streams: ReadonlyMap<string, PlacementState> = new Map();
  private readonly parts = new Map<string, CompliancePart<Lists>>();
  readonly counts: Counts = { external: 0, withPriorSearch: 0, metInHouse: 0, withdrawn: 0, onTime: 0, late: 0, overdue: 0 };
  private made?: Lists;

  constructor(private readonly empty: () => Lists) {}

  changesTo(ledger: LedgerStreams, cheaply: boolean): number | undefined {
    return changedBetween(this.streams, ledger, cheaply)?.length;
  }

  moveTo(ledger: LedgerStreams, partOf: (state: PlacementState) => CompliancePart<Lists>): void {
    const { streams } = ledger;
    if (streams === this.streams) return;
    const changed = changedBetween(this.streams, ledger) as readonly string[];
    for (const id of changed) {
      const before = this.parts.get(id);
      const state = streams.get(id);
      const after = state === undefined ? undefined : partOf(state);
      if (before !== undefined) this.count(before, -1);
      if (after !== undefined) this.count(after, 1);
      if (before?.rows !== undefined || after?.rows !== undefined) this.made = undefined;
      if (after === undefined) this.parts.delete(id);
      else this.parts.set(id, after);
    }
    this.streams = streams;
  }

  /** Every list, in the ledger's placement order; made again only after a change that touched one. */
  lists(): Lists {
    if (this.made !== undefined) return this.made;
    const lists = this.empty();
    for (const id of this.streams.keys()) {
      const rows = this.parts.get(id)?.rows;
      if (rows === undefined) continue;
      for (const key of Object.keys(rows) as (keyof Lists)[]) lists[key].push(...rows[key]);
    }
    this.made = lists;
    return lists;
  }

  private count(part: CompliancePart<Lists>, sign: 1 | -1): void {
    for (const key of COUNTS) this.counts[key] += sign * (part.counts[key] ?? 0);
  }
}

import type { PlacementState } from '@ledger/domain';

/** A ledger as the kept sums see it: its placements by stream, and, when it can say, what changed since an earlier one. */
export interface LedgerStreams {
  readonly streams: ReadonlyMap<string, PlacementState>;
  readonly changedSince?: (earlier: ReadonlyMap<string, PlacementState>) => readonly string[] | undefined;
}

/** A ledger's placements by stream; one made up by hand without them (a test's) is numbered in its order. */
export function ledgerStreams(ledger: { readonly placements: readonly PlacementState[] } & Partial<LedgerStreams>): LedgerStreams {
  if (ledger.streams !== undefined) return { streams: ledger.streams, ...(ledger.changedSince ? { changedSince: ledger.changedSince } : {}) };
  return { streams: new Map(ledger.placements.map((state, i) => [String(i), state])) };
}

/** Sums kept for one ledger that can say how far another ledger is from it (`cheaply`: only from the fold's record, else undefined). */
export interface Kept {
  changesTo(ledger: LedgerStreams, cheaply: boolean): number | undefined;
}

/**
 * The stream ids whose state differs between the ledger summed (`from`) and `to`: from the fold's own
 * record of its moves when it has one, else by comparing every placement.
 */
export function changedBetween(from: ReadonlyMap<string, PlacementState>, to: LedgerStreams, cheaply = false): readonly string[] | undefined {
  if (from === to.streams) return [];
  const known = to.changedSince?.(from);
  if (known !== undefined || cheaply) return known;
  const changed: string[] = [];
  for (const [id, state] of to.streams) if (from.get(id) !== state) changed.push(id);
  for (const id of from.keys()) if (!to.streams.has(id)) changed.push(id);
  return changed;
}

/**
 * Sums kept per window (a period, a year, an as-of date: the most recently used few), two ledgers
 * each: the latest and a past instant are asked for in turn, and each moves on from the one nearer.
 */
export class KeptPerWindow<T extends Kept> {
  private readonly windows = new Map<string, T[]>();

  constructor(private readonly create: () => T, private readonly windowsKept = 32, private readonly ledgersPerWindow = 2) {}

  /** The sums of `key` nearest to `streams`, for the caller to move on to it. */
  nearest(key: string, ledger: LedgerStreams): T {
    const kept = this.windows.get(key) ?? [];
    this.windows.delete(key);
    this.windows.set(key, kept);
    if (this.windows.size > this.windowsKept) this.windows.delete(this.windows.keys().next().value as string);
    // The fold's own record first (a few ids), and only when no kept ledger is in it, a comparison of every placement.
    let best: T | undefined;
    let fewest = Infinity;
    for (const sums of kept) {
      const changes = sums.changesTo(ledger, true);
      if (changes !== undefined && changes < fewest) [best, fewest] = [sums, changes];
    }
    if (best === undefined) {
      for (const sums of kept) {
        const changes = sums.changesTo(ledger, false) as number;
        if (changes < fewest) [best, fewest] = [sums, changes];
      }
    }
    if (best === undefined || (fewest > ledger.streams.size / 2 && kept.length < this.ledgersPerWindow)) {
      best = this.create();
      kept.push(best);
    }
    kept.splice(kept.indexOf(best), 1);
    kept.push(best);
    return best;
  }
}

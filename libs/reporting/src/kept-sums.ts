import type { PlacementState } from '@ledger/domain';

/** Sums kept for one ledger that can say how far another ledger is from it. */
export interface Kept {
  changesTo(streams: ReadonlyMap<string, PlacementState>): number;
}

/** How many placements differ between two ledgers (0 when they are the same map). */
export function changesBetween(from: ReadonlyMap<string, PlacementState>, to: ReadonlyMap<string, PlacementState>): number {
  if (from === to) return 0;
  let changes = Math.max(0, from.size - to.size);
  for (const [id, state] of to) if (from.get(id) !== state) changes += 1;
  return changes;
}

/**
 * Sums kept per window (a period, a year, an as-of date: the most recently used few), two ledgers
 * each: the latest and a past instant are asked for in turn, and each moves on from the one nearer.
 */
export class KeptPerWindow<T extends Kept> {
  private readonly windows = new Map<string, T[]>();

  constructor(private readonly create: () => T, private readonly windowsKept = 32, private readonly ledgersPerWindow = 2) {}

  /** The sums of `key` nearest to `streams`, for the caller to move on to it. */
  nearest(key: string, streams: ReadonlyMap<string, PlacementState>): T {
    const kept = this.windows.get(key) ?? [];
    this.windows.delete(key);
    this.windows.set(key, kept);
    if (this.windows.size > this.windowsKept) this.windows.delete(this.windows.keys().next().value as string);
    let best: T | undefined;
    let fewest = Infinity;
    for (const sums of kept) {
      const changes = sums.changesTo(streams);
      if (changes < fewest) [best, fewest] = [sums, changes];
    }
    if (best === undefined || (fewest > streams.size / 2 && kept.length < this.ledgersPerWindow)) {
      best = this.create();
      kept.push(best);
    }
    kept.splice(kept.indexOf(best), 1);
    kept.push(best);
    return best;
  }
}

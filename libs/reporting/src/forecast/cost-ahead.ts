import { addDays, cumulativeNet, daysBetween, type CostTimeline, type LocalDate } from '@ledger/domain';

/**
 * A running placement's net cost from `from` for any number of days up to `to`, in constant time:
 * exact (the cumulative function itself) wherever the rate or a funding share changes, and linear
 * between, where the daily cost is constant. What a simulation asks thousands of times per placement.
 */
export class CostAhead {
  private readonly offsets: number[] = [];
  private readonly cumulative: number[] = [];

  constructor(timeline: CostTimeline, from: LocalDate, to: LocalDate) {
    const open: CostTimeline = { startDate: timeline.startDate, rates: timeline.rates, contributions: timeline.contributions };
    const span = daysBetween(from, to);
    const changes = [...timeline.rates.map((r) => r.effectiveFrom), ...timeline.contributions.map((c) => c.effectiveFrom)]
      .map((date) => daysBetween(from, date)).filter((offset) => offset > 0 && offset < span);
    const base = cumulativeNet(open, from);
    for (const offset of [...new Set([0, ...changes, span])].sort((a, b) => a - b)) {
      this.offsets.push(offset);
      this.cumulative.push(cumulativeNet(open, addDays(from, offset)) - base);
    }
  }

  /** The net cost of the first `days` days (at most the span to `to`). */
  upTo(days: number): number {
    const { offsets, cumulative } = this;
    if (offsets.length < 2) return 0;
    let k = 0;
    while (k < offsets.length - 2 && offsets[k + 1] < days) k += 1;
    const width = offsets[k + 1] - offsets[k];
    if (width <= 0) return cumulative[k];
    const within = Math.min(Math.max(days - offsets[k], 0), width);
    return cumulative[k] + ((cumulative[k + 1] - cumulative[k]) * within) / width;
  }
}

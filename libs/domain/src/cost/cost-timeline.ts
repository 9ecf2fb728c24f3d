import { maxDate, minDate, daysBetween, type LocalDate } from '../calendar/local-date';
import { applyBasisPoints, prorate, type Pence } from '../money/pence';
import type { FundingShare, RateRecord } from '../placement/placement-state';

/**
 * What a placement costs, as data: the days it accrues (`startDate` to `endDate`, half-open), the
 * weekly rate in force on each of them, and who shares the cost from when.
 */
export interface CostTimeline {
  /** First day charged. */
  readonly startDate: LocalDate;
  /** The day the child left, not charged; absent while the placement continues. */
  readonly endDate?: LocalDate;
  /** Rates by effective date ascending; each runs until the next one's effective date. */
  readonly rates: readonly RateRecord[];
  /** Joint-funding agreements in the order recorded. */
  readonly contributions: readonly FundingShare[];
}

/** Accruing days of `[from, to)` before `date`. */
function daysBefore(timeline: CostTimeline, from: LocalDate, to: LocalDate | undefined, date: LocalDate): number {
  const start = maxDate(from, timeline.startDate);
  let end = date;
  if (to !== undefined) end = minDate(end, to);
  if (timeline.endDate !== undefined) end = minDate(end, timeline.endDate);
  return Math.max(0, daysBetween(start, end));
}

/**
 * G(D): gross cost of every day before D, the sum over rate segments of round(r × n / 7). Every
 * period's cost is G(end) − G(start), so periods that tile a range add up to it exactly.
 */
export function cumulativeGross(timeline: CostTimeline, date: LocalDate): Pence {
  let total = 0;
  timeline.rates.forEach((rate, i) => {
    const next = timeline.rates[i + 1]?.effectiveFrom;
    total += prorate(rate.weeklyRatePence, daysBefore(timeline, rate.effectiveFrom, next, date));
  });
  return total as Pence;
}

/**
 * Contributions paid before `date`. A share s from f contributes round(s × (G(D) − G(f)) / 10000); a
 * later agreement from the same contributor freezes the earlier one's cumulative at its own
 * effective date and takes over from there.
 */
export function cumulativeContributions(timeline: CostTimeline, date: LocalDate): Pence {
  const byContributor = new Map<string, FundingShare[]>();
  for (const share of timeline.contributions) byContributor.set(share.contributor, [...(byContributor.get(share.contributor) ?? []), share]);
  let total = 0;
  for (const shares of byContributor.values()) {
    const ordered = [...shares].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
    // Of agreements with the same effective date, the later recorded one stands.
    const effective = ordered.filter((share, i) => ordered[i + 1]?.effectiveFrom !== share.effectiveFrom);
    effective.forEach((share, i) => {
      if (date <= share.effectiveFrom) return;
      const until = effective[i + 1]?.effectiveFrom;
      const upTo = until !== undefined && until < date ? until : date;
      const gross = cumulativeGross(timeline, upTo) - cumulativeGross(timeline, share.effectiveFrom);
      total += applyBasisPoints(gross as Pence, share.shareBasisPoints);
    });
  }
  return total as Pence;
}

export function cumulativeNet(timeline: CostTimeline, date: LocalDate): Pence {
  return (cumulativeGross(timeline, date) - cumulativeContributions(timeline, date)) as Pence;
}

export interface PeriodCost {
  readonly grossPence: Pence;
  readonly contributionsPence: Pence;
  readonly netPence: Pence;
}

/** Cost of the half-open period `[start, end)`: differences of the cumulative functions. */
export function periodCost(timeline: CostTimeline, start: LocalDate, end: LocalDate): PeriodCost {
  const gross = cumulativeGross(timeline, end) - cumulativeGross(timeline, start);
  const contributions = cumulativeContributions(timeline, end) - cumulativeContributions(timeline, start);
  return { grossPence: gross as Pence, contributionsPence: contributions as Pence, netPence: (gross - contributions) as Pence };
}

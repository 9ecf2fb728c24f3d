import { daysBetween, maxDate, minDate, type LocalDate } from '../calendar/local-date';
import { applyBasisPoints, prorate, type Pence } from '../money/pence';
import type { FundingShare, RateRecord } from '../placement/placement-state';
import { agreementsInEffect } from './joint-funding';

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

/** A weekly rate `r` in force over `[from, to)`; `to` absent: until the placement ends. */
export interface RateSegment {
  readonly from: LocalDate;
  readonly to?: LocalDate;
  readonly weeklyRatePence: Pence;
}

/** The timeline's rates as half-open segments, each ending where the next begins. */
export function rateSegments(timeline: CostTimeline): RateSegment[] {
  return timeline.rates.map((rate, i) => {
    const next = timeline.rates[i + 1]?.effectiveFrom;
    return next === undefined
      ? { from: rate.effectiveFrom, weeklyRatePence: rate.weeklyRatePence }
      : { from: rate.effectiveFrom, to: next, weeklyRatePence: rate.weeklyRatePence };
  });
}

/** Accruing days of a segment before `date`: days d with from <= d < to, startDate <= d < endDate, d < date. */
function accruingDaysBefore(timeline: CostTimeline, segment: RateSegment, date: LocalDate): number {
  const start = maxDate(segment.from, timeline.startDate);
  let end = date;
  if (segment.to !== undefined) end = minDate(end, segment.to);
  if (timeline.endDate !== undefined) end = minDate(end, timeline.endDate);
  return Math.max(0, daysBetween(start, end));
}

/**
 * G(D): gross cost of every day before D, the sum over rate segments of round(r × n / 7). Every
 * period's cost is G(end) − G(start), so periods that tile a range add up to it exactly.
 */
export function cumulativeGross(timeline: CostTimeline, date: LocalDate): Pence {
  let total = 0;
  for (const segment of rateSegments(timeline)) total += prorate(segment.weeklyRatePence, accruingDaysBefore(timeline, segment, date));
  return total as Pence;
}

/** Gross cost of the half-open period `[start, end)`: G(end) − G(start). */
export function periodGross(timeline: CostTimeline, start: LocalDate, end: LocalDate): Pence {
  return (cumulativeGross(timeline, end) - cumulativeGross(timeline, start)) as Pence;
}

/**
 * Contributions to costs before `date`. A share s from f contributes round(s × (G(D) − G(f)) / 10000);
 * a later agreement from the same contributor freezes the earlier one's cumulative at its own
 * effective date and takes over from there.
 */
export function cumulativeContributions(timeline: CostTimeline, date: LocalDate): Pence {
  let total = 0;
  for (const agreements of agreementsInEffect(timeline.contributions).values()) {
    agreements.forEach((share, i) => {
      if (date <= share.effectiveFrom) return;
      const until = agreements[i + 1]?.effectiveFrom;
      const upTo = until !== undefined && until < date ? until : date;
      total += applyBasisPoints(periodGross(timeline, share.effectiveFrom, upTo), share.shareBasisPoints);
    });
  }
  return total as Pence;
}

/** Net (the council's share): gross less contributions, before `date`. */
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
  const gross = periodGross(timeline, start, end);
  const contributions = cumulativeContributions(timeline, end) - cumulativeContributions(timeline, start);
  return { grossPence: gross, contributionsPence: contributions as Pence, netPence: (gross - contributions) as Pence };
}

import { addDays, daysBetween, roundHalfUpDiv, type LocalDate } from '@ledger/domain';
import type { Placed } from '../returns/build-return';

/** Look-back window for the new-commission rate: the last 26 weeks before the as-of date. */
export const LOOKBACK_DAYS = 182;
const DEFAULT_EXTENSION_DAYS = 84;
const DEFAULT_DURATION_DAYS = 182;

/** What the ledger's own history says, with the evidence behind each figure. */
export interface TrendModel {
  /** Probability a review extends, in basis points: (extends + 1) / (reviews + 2), Laplace-smoothed. */
  readonly extensionBasisPoints: number;
  readonly reviewsSeen: number;
  /** Mean length of an extension, in days, by placement type (fallback: all types, then 84). */
  readonly extensionDays: Readonly<Record<string, number>>;
  readonly defaultExtensionDays: number;
  /** Per cost centre: commissions started in the look-back window, their mean weekly rate and mean length. */
  readonly newDemand: Readonly<Record<string, { readonly commissions: number; readonly meanWeeklyRatePence: number; readonly meanDurationDays: number }>>;
}

const mean = (values: readonly number[], fallback: number) =>
  values.length === 0 ? fallback : roundHalfUpDiv(values.reduce((a, b) => a + b, 0), values.length);

/** Learns only from what happened before `asOf`, so a forecast never peeks at its own future. */
export function learnTrend(placements: readonly Placed[], asOf: LocalDate): TrendModel {
  const reviews = placements.flatMap((p) => p.reviews.filter((r) => r.reviewedOn < asOf));
  const extendCount = reviews.filter((r) => r.outcome === 'extend').length;
  const extensions = placements.flatMap((p) => p.extensions.filter((x) => x.previousTermEnd <= asOf).map((x) => ({ type: p.placementType, days: daysBetween(x.previousTermEnd, x.newTermEnd) })));
  const defaultExtensionDays = mean(extensions.map((x) => x.days), DEFAULT_EXTENSION_DAYS);
  const extensionDays: Record<string, number> = {};
  for (const type of new Set(extensions.map((x) => x.type))) extensionDays[type] = mean(extensions.filter((x) => x.type === type).map((x) => x.days), defaultExtensionDays);
  const windowStart = addDays(asOf, -LOOKBACK_DAYS);
  const ended = placements.filter((p) => p.endDate !== undefined && p.endDate <= asOf);
  const overallDuration = mean(ended.map((p) => daysBetween(p.startDate, p.endDate as LocalDate)), DEFAULT_DURATION_DAYS);
  const newDemand: Record<string, TrendModel['newDemand'][string]> = {};
  for (const costCentre of new Set(placements.map((p) => p.costCentre))) {
    const recent = placements.filter((p) => p.costCentre === costCentre && p.startDate >= windowStart && p.startDate < asOf);
    const endedHere = ended.filter((p) => p.costCentre === costCentre);
    newDemand[costCentre] = {
      commissions: recent.length,
      meanWeeklyRatePence: mean(recent.map((p) => p.rates[0].weeklyRatePence), 0),
      meanDurationDays: mean(endedHere.map((p) => daysBetween(p.startDate, p.endDate as LocalDate)), overallDuration),
    };
  }
  return { extensionBasisPoints: roundHalfUpDiv((extendCount + 1) * 10_000, reviews.length + 2), reviewsSeen: reviews.length, extensionDays, defaultExtensionDays, newDemand };
}

/**
 * Expected cost of commissions still to come in `remainingDays`: starts arrive at the look-back rate
 * (commissions / 182 a day), each lasting the mean duration, cut at the year end. The expected days
 * are λ(R·T − T²/2) when T ≤ R, else λR²/2; one rounding, at the end, in integers.
 */
export function expectedNewDemandPence(demand: TrendModel['newDemand'][string], remainingDays: number): number {
  if (demand.commissions === 0 || remainingDays <= 0) return 0;
  const r = BigInt(remainingDays);
  const t = BigInt(demand.meanDurationDays);
  const twiceDayWeight = t <= r ? 2n * r * t - t * t : r * r; // 2 × ∫ min(T, R − s) ds
  return roundHalfUpDiv(BigInt(demand.commissions) * twiceDayWeight * BigInt(demand.meanWeeklyRatePence), 2n * BigInt(LOOKBACK_DAYS) * 7n);
}

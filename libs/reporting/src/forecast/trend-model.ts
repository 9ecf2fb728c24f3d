import { addDays, daysBetween, pence, roundHalfUpDiv, ZERO, type LocalDate, type Pence } from '@ledger/domain';
import { PlacementMemo } from '../placement-memo';
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
  readonly newDemand: Readonly<Record<string, { readonly commissions: number; readonly meanWeeklyRatePence: Pence; readonly meanDurationDays: number }>>;
}

/** What one placement adds to the evidence, as of a date. */
export interface Evidence {
  readonly reviews: number;
  readonly extends: number;
  readonly extensions: number;
  readonly extensionDays: number;
  /** Days from start to end, when it ended by the as-of date. */
  readonly endedAfterDays?: number;
  /** Its first rate, when it started in the look-back window. */
  readonly recentRatePence?: Pence;
}

const evidence = new PlacementMemo<Evidence>();

function evidenceOf(p: Placed, asOf: LocalDate): Evidence {
  const windowStart = addDays(asOf, -LOOKBACK_DAYS);
  const reviews = p.reviews.filter((r) => r.reviewedOn < asOf);
  const extensions = p.extensions.filter((x) => x.previousTermEnd <= asOf);
  return {
    reviews: reviews.length,
    extends: reviews.filter((r) => r.outcome === 'extend').length,
    extensions: extensions.length,
    extensionDays: extensions.reduce((sum, x) => sum + daysBetween(x.previousTermEnd, x.newTermEnd), 0),
    ...(p.endDate !== undefined && p.endDate <= asOf ? { endedAfterDays: daysBetween(p.startDate, p.endDate) } : {}),
    ...(p.startDate >= windowStart && p.startDate < asOf ? { recentRatePence: p.rates[0].weeklyRatePence } : {}),
  };
}

/** A running mean in integers, to which a value can be added or taken away; one rounding, at the end. */
class Mean {
  private sum = 0;
  private count = 0;
  add(value: number, times: number): void { this.sum += value; this.count += times; }
  get size(): number { return this.count; }
  or(fallback: number): number { return this.count === 0 ? fallback : roundHalfUpDiv(this.sum, this.count); }
}

const sortedEntries = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));

/**
 * The evidence of many placements, added up; a placement's evidence can be taken away again when it
 * changes, so a forecast kept for a window follows a write without going over every placement.
 */
export class EvidenceSums {
  private reviews = 0;
  private extendCount = 0;
  private readonly allExtensions = new Mean();
  private readonly byType = new Map<string, Mean>();
  private readonly ended = new Mean();
  private readonly byCostCentre = new Map<string, { placements: number; commissions: number; rate: Mean; ended: Mean }>();

  add(p: Pick<Placed, 'costCentre' | 'placementType'>, e: Evidence, sign: 1 | -1 = 1): void {
    this.reviews += sign * e.reviews;
    this.extendCount += sign * e.extends;
    const centre = this.byCostCentre.get(p.costCentre) ?? { placements: 0, commissions: 0, rate: new Mean(), ended: new Mean() };
    this.byCostCentre.set(p.costCentre, centre);
    centre.placements += sign;
    if (e.extensions > 0) {
      this.allExtensions.add(sign * e.extensionDays, sign * e.extensions);
      const type = this.byType.get(p.placementType) ?? new Mean();
      this.byType.set(p.placementType, type);
      type.add(sign * e.extensionDays, sign * e.extensions);
      if (type.size === 0) this.byType.delete(p.placementType);
    }
    if (e.endedAfterDays !== undefined) { this.ended.add(sign * e.endedAfterDays, sign); centre.ended.add(sign * e.endedAfterDays, sign); }
    if (e.recentRatePence !== undefined) { centre.commissions += sign; centre.rate.add(sign * e.recentRatePence, sign); }
    if (centre.placements === 0) this.byCostCentre.delete(p.costCentre);
  }

  model(): TrendModel {
    const defaultExtensionDays = this.allExtensions.or(DEFAULT_EXTENSION_DAYS);
    const extensionDays = Object.fromEntries(sortedEntries(this.byType).map(([type, mean]) => [type, mean.or(defaultExtensionDays)]));
    const overallDuration = this.ended.or(DEFAULT_DURATION_DAYS);
    const newDemand = Object.fromEntries(sortedEntries(this.byCostCentre).map(([costCentre, c]) => [costCentre, {
      commissions: c.commissions, meanWeeklyRatePence: pence(c.rate.or(0)), meanDurationDays: c.ended.or(overallDuration),
    }]));
    return { extensionBasisPoints: roundHalfUpDiv((this.extendCount + 1) * 10_000, this.reviews + 2), reviewsSeen: this.reviews, extensionDays, defaultExtensionDays, newDemand };
  }
}

/** The learned terms a trend-basis figure depends on, as one key: equal keys, equal figures. */
export const trendTermsKey = (model: TrendModel): string => JSON.stringify([model.extensionBasisPoints, model.defaultExtensionDays, model.extensionDays]);

/** The evidence memo for one as-of date: a placement's evidence is worked out once while its state lives. */
export const evidenceFor = (asOf: LocalDate) => {
  const memo = evidence.window(asOf);
  return (p: Placed) => memo(p, () => evidenceOf(p, asOf));
};

/** Learns only from what happened before `asOf`, so a forecast never peeks at its own future. */
export function learnTrend(placements: readonly Placed[], asOf: LocalDate): TrendModel {
  const of = evidenceFor(asOf);
  const sums = new EvidenceSums();
  for (const p of placements) sums.add(p, of(p));
  return sums.model();
}

/**
 * Expected cost of commissions still to come in `remainingDays`: starts arrive at the look-back rate
 * (commissions / 182 a day), each lasting the mean duration, cut at the year end. The expected days
 * are λ(R·T − T²/2) when T ≤ R, else λR²/2; one rounding, at the end, in integers.
 */
export function expectedNewDemandPence(demand: TrendModel['newDemand'][string], remainingDays: number): Pence {
  if (demand.commissions === 0 || remainingDays <= 0) return ZERO;
  const r = BigInt(remainingDays);
  const t = BigInt(demand.meanDurationDays);
  const twiceDayWeight = t <= r ? 2n * r * t - t * t : r * r; // 2 × ∫ min(T, R − s) ds
  return pence(roundHalfUpDiv(BigInt(demand.commissions) * twiceDayWeight * BigInt(demand.meanWeeklyRatePence), 2n * BigInt(LOOKBACK_DAYS) * 7n));
}

import { addDays, daysBetween, periodCost, rateOn, type LocalDate } from '@ledger/domain';
import type { Placed } from './build-return';
import { timelineOf } from './build-return';

/** Something that changed the spend in the period, with what it costs a week and in the period. */
export interface Movement {
  readonly placementId: string;
  readonly childRef: string;
  readonly costCentre: string;
  readonly placementType: string;
  readonly providerName: string;
  readonly kind: 'commissioned' | 'ended' | 'extended' | 'rate-changed' | 'joint-funding';
  readonly date: LocalDate;
  readonly weeklyRatePence: number;
  readonly previousWeeklyRatePence?: number;
  /** The placement's net cost in the period. */
  readonly periodNetPence: number;
}

export interface ReviewFlag {
  readonly placementId: string;
  readonly childRef: string;
  readonly costCentre: string;
  readonly providerName: string;
  /** Exclusive end of the term awaiting review. */
  readonly termEnd: LocalDate;
  /** Days from the as-of date to the term end; negative when overdue. */
  readonly daysToTermEnd: number;
}

const inPeriod = (date: LocalDate, start: LocalDate, end: LocalDate) => date >= start && date < end;

export function movementsIn(placements: readonly Placed[], start: LocalDate, end: LocalDate): Movement[] {
  const movements: Movement[] = [];
  for (const p of placements) {
    const base = { placementId: p.placementId, childRef: p.childRef, costCentre: p.costCentre, placementType: p.placementType, providerName: p.provider.name, periodNetPence: periodCost(timelineOf(p), start, end).netPence };
    if (inPeriod(p.startDate, start, end)) movements.push({ ...base, kind: 'commissioned', date: p.startDate, weeklyRatePence: rateOn(p, p.startDate) });
    p.rates.slice(1).filter((r) => inPeriod(r.effectiveFrom, start, end)).forEach((r) => movements.push({
      ...base, kind: 'rate-changed', date: r.effectiveFrom, weeklyRatePence: r.weeklyRatePence, previousWeeklyRatePence: rateOn(p, addDays(r.effectiveFrom, -1)),
    }));
    p.extensions.filter((x) => inPeriod(x.previousTermEnd, start, end)).forEach((x) => movements.push({
      ...base, kind: 'extended', date: x.previousTermEnd, weeklyRatePence: rateOn(p, x.previousTermEnd) }));
    p.jointFunding.filter((f) => inPeriod(f.effectiveFrom, start, end)).forEach((f) => movements.push({
      ...base, kind: 'joint-funding', date: f.effectiveFrom, weeklyRatePence: rateOn(p, f.effectiveFrom) }));
    if (p.endDate !== undefined && inPeriod(p.endDate, start, end)) {
      movements.push({ ...base, kind: 'ended', date: p.endDate, weeklyRatePence: rateOn(p, addDays(p.endDate, -1)) });
    }
  }
  return movements.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.placementId < b.placementId ? -1 : 1));
}

/** As of `asOf`: unreviewed current terms ending within `withinDays`, and those already ended. */
export function reviewsDueAndOverdue(placements: readonly Placed[], asOf: LocalDate, withinDays = 7): { reviewsDue: ReviewFlag[]; reviewsOverdue: ReviewFlag[] } {
  const reviewsDue: ReviewFlag[] = [];
  const reviewsOverdue: ReviewFlag[] = [];
  for (const p of placements) {
    if (p.status !== 'Commissioned' || p.reviews.some((r) => r.termEnd === p.termEnd)) continue;
    const flag = { placementId: p.placementId, childRef: p.childRef, costCentre: p.costCentre, providerName: p.provider.name, termEnd: p.termEnd, daysToTermEnd: daysBetween(asOf, p.termEnd) };
    if (p.termEnd <= asOf) reviewsOverdue.push(flag);
    else if (flag.daysToTermEnd <= withinDays) reviewsDue.push(flag);
  }
  const byTermEnd = (a: ReviewFlag, b: ReviewFlag) => (a.termEnd < b.termEnd ? -1 : a.termEnd > b.termEnd ? 1 : 0);
  return { reviewsDue: reviewsDue.sort(byTermEnd), reviewsOverdue: reviewsOverdue.sort(byTermEnd) };
}

import { addDays, costTimelineOf, daysBetween, periodCost, rateOn, reviewStanding, type LocalDate, type Pence } from '@ledger/domain';
import type { Placed } from './build-return';

/** Something that changed the spend in the period, with what it costs a week and in the period. */
export interface Movement {
  readonly placementId: string;
  readonly childRef: string;
  readonly costCentre: string;
  readonly placementType: string;
  readonly providerName: string;
  readonly kind: 'commissioned' | 'ended' | 'extended' | 'rate-changed' | 'joint-funding';
  readonly date: LocalDate;
  readonly weeklyRatePence: Pence;
  readonly previousWeeklyRatePence?: Pence;
  /** The placement's net cost in the period. */
  readonly periodNetPence: Pence;
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

/**
 * One movement, written out as one literal: a spread first (`{ ...base, kind }`) gives every object it
 * makes a hidden class of its own, and a national ledger's returns keep tens of thousands of them.
 */
function movement(p: Placed, periodNetPence: Pence, kind: Movement['kind'], date: LocalDate, weeklyRatePence: Pence, previousWeeklyRatePence?: Pence): Movement {
  return {
    placementId: p.placementId, childRef: p.childRef, costCentre: p.costCentre, placementType: p.placementType, providerName: p.provider.name,
    periodNetPence, kind, date, weeklyRatePence, ...(previousWeeklyRatePence === undefined ? {} : { previousWeeklyRatePence }),
  };
}

/** One placement's movements in `[start, end)`, unsorted. */
export function movementsOf(p: Placed, start: LocalDate, end: LocalDate): Movement[] {
  const movements: Movement[] = [];
  const net = periodCost(costTimelineOf(p), start, end).netPence;
  if (inPeriod(p.startDate, start, end)) movements.push(movement(p, net, 'commissioned', p.startDate, rateOn(p, p.startDate)));
  for (const r of p.rates.slice(1)) {
    if (inPeriod(r.effectiveFrom, start, end)) movements.push(movement(p, net, 'rate-changed', r.effectiveFrom, r.weeklyRatePence, rateOn(p, addDays(r.effectiveFrom, -1))));
  }
  for (const x of p.extensions) if (inPeriod(x.previousTermEnd, start, end)) movements.push(movement(p, net, 'extended', x.previousTermEnd, rateOn(p, x.previousTermEnd)));
  for (const f of p.jointFunding) if (inPeriod(f.effectiveFrom, start, end)) movements.push(movement(p, net, 'joint-funding', f.effectiveFrom, rateOn(p, f.effectiveFrom)));
  if (p.endDate !== undefined && inPeriod(p.endDate, start, end)) movements.push(movement(p, net, 'ended', p.endDate, rateOn(p, addDays(p.endDate, -1))));
  return movements;
}

/** By date, then placement. */
export const byDateThenPlacement = (a: Movement, b: Movement) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.placementId < b.placementId ? -1 : a.placementId > b.placementId ? 1 : 0);

/** Where one placement's current term stands for review as of `asOf` (the sweep's own rule), with its flag. */
export function reviewFlagOf(p: Placed, asOf: LocalDate, withinDays = 7): { standing: 'due' | 'overdue'; flag: ReviewFlag } | undefined {
  const standing = reviewStanding(p, asOf, withinDays);
  if (standing === undefined) return undefined;
  return { standing, flag: { placementId: p.placementId, childRef: p.childRef, costCentre: p.costCentre, providerName: p.provider.name, termEnd: p.termEnd, daysToTermEnd: daysBetween(asOf, p.termEnd) } };
}

const byTermEnd = (a: ReviewFlag, b: ReviewFlag) => (a.termEnd < b.termEnd ? -1 : a.termEnd > b.termEnd ? 1 : 0);

/** Flags sorted into due and overdue, each by term end. */
export function sortReviewFlags(flags: readonly ({ standing: 'due' | 'overdue'; flag: ReviewFlag } | undefined)[]): { reviewsDue: ReviewFlag[]; reviewsOverdue: ReviewFlag[] } {
  const reviewsDue: ReviewFlag[] = [];
  const reviewsOverdue: ReviewFlag[] = [];
  for (const entry of flags) if (entry !== undefined) (entry.standing === 'due' ? reviewsDue : reviewsOverdue).push(entry.flag);
  return { reviewsDue: reviewsDue.sort(byTermEnd), reviewsOverdue: reviewsOverdue.sort(byTermEnd) };
}

/** As of `asOf`: unreviewed current terms ending within `withinDays`, and those already ended. */
export function reviewsDueAndOverdue(placements: readonly Placed[], asOf: LocalDate, withinDays = 7): { reviewsDue: ReviewFlag[]; reviewsOverdue: ReviewFlag[] } {
  return sortReviewFlags(placements.map((p) => reviewFlagOf(p, asOf, withinDays)));
}

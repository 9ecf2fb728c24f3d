import {
  addDays, costTimelineOf, cumulativeGross, financialYearOf, financialYearRange, isExternal, maxDate, periodCost, subtractPence, sumPence, ZERO,
  type CostTimeline, type ExternalPlacementState, type FinancialYear, type LocalDate, type Pence,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { ageBandOf, ageOn, inAgeRange, type AgeBand, type AgeRange } from '../age-band';

export interface WhatIfQuestion {
  readonly placementType: string;
  readonly ageRange: AgeRange;
  readonly additionalInHousePlaces: number;
  /** D: the day the extra in-house places become available. */
  readonly from: LocalDate;
  /** The in-house weekly cost of a place of this type. */
  readonly inHouseWeeklyCostPence: Pence;
}

export interface SteppedDown {
  readonly placementId: string;
  readonly childRef: string;
  readonly ageBand: AgeBand;
  readonly providerName: string;
  /** The council's net weekly cost on the step-down day (rate less joint funding), the rank candidates are taken in. */
  readonly netWeeklyCostPence: Pence;
  readonly stepDownDate: LocalDate;
  /** The day the in-house place is free again: the placement's recorded end; absent while it continues. */
  readonly placeFreedOn?: LocalDate;
  readonly savingThisYearPence: Pence;
  readonly savingNextYearPence: Pence;
}

export interface WhatIf {
  readonly asAt: string;
  readonly placementType: string;
  readonly ageRange: string;
  readonly additionalInHousePlaces: number;
  readonly from: LocalDate;
  readonly inHouseWeeklyCostPence: Pence;
  readonly thisYear: FinancialYear;
  readonly nextYear: FinancialYear;
  readonly steppedDown: readonly SteppedDown[];
  readonly totalSavingThisYearPence: Pence;
  readonly totalSavingNextYearPence: Pence;
  readonly assumptions: readonly string[];
}

export const WHAT_IF_ASSUMPTIONS: readonly string[] = [
  'From the date given, the extra in-house places of the type become available at once.',
  'External placements of the type whose child is in the age range fill them: those running on that date first, the highest council net weekly cost first; then placements starting later, in start order, while a place is free.',
  'A place is freed when its placement\'s recorded end comes; a placement with no end recorded runs on (the continuing basis).',
  'Only a placement whose net weekly cost exceeds the in-house cost is stepped down: any other would cost more in-house.',
  'A stepped-down placement costs the in-house weekly cost from its step-down date instead of its net external cost; the saving is the difference over the rest of each year, by the same daily arithmetic as the returns.',
  'Nothing is recorded: this is a model of the ledger as known at the time shown, not a plan.',
];

/** The council's net cost of the week from `date`, on the continuing basis (a recorded end does not shorten it). */
export function netWeeklyCost(timeline: CostTimeline, date: LocalDate): Pence {
  const continuing: CostTimeline = { startDate: timeline.startDate, rates: timeline.rates, contributions: timeline.contributions };
  return periodCost(continuing, date, addDays(date, 7)).netPence;
}

/** Saving in [max(stepDown, yearStart), yearEnd): external net less the in-house cost, both to the recorded end if any. */
export function savingIn(timeline: CostTimeline, stepDown: LocalDate, inHouseWeeklyCostPence: Pence, year: FinancialYear): Pence {
  const { start, end } = financialYearRange(year);
  const from = maxDate(stepDown, start);
  if (from >= end) return ZERO;
  const external = periodCost(timeline, from, end).netPence;
  const inHouse: CostTimeline = {
    startDate: stepDown, ...(timeline.endDate === undefined ? {} : { endDate: timeline.endDate }),
    rates: [{ effectiveFrom: stepDown, weeklyRatePence: inHouseWeeklyCostPence }], contributions: [],
  };
  return subtractPence(external, subtractPence(cumulativeGross(inHouse, end), cumulativeGross(inHouse, from)));
}

interface Candidate { readonly p: ExternalPlacementState; readonly timeline: CostTimeline; readonly on: LocalDate; readonly weekly: Pence }

/**
 * What would have stepped down had `additionalInHousePlaces` in-house places of the type been available
 * from D, and the saving this financial year (the one containing D) and next. Records nothing.
 */
export function whatIf(ledger: LedgerAsAt, q: WhatIfQuestion): WhatIf {
  const thisYear = financialYearOf(q.from);
  const nextYear = financialYearOf(financialYearRange(thisYear).end);
  const horizon = financialYearRange(nextYear).end;
  const candidate = (p: ExternalPlacementState, on: LocalDate): Candidate | undefined => {
    if (p.placementType !== q.placementType) return undefined;
    if (p.status === 'Ended' && p.endDate <= on) return undefined;
    if (!inAgeRange(ageOn(p.request.ageAtRequest, p.request.requiredFrom, on), q.ageRange)) return undefined;
    const timeline = costTimelineOf(p);
    const weekly = netWeeklyCost(timeline, on);
    return weekly > q.inHouseWeeklyCostPence ? { p, timeline, on, weekly } : undefined;
  };
  const byCostThenId = (a: Candidate, b: Candidate) => b.weekly - a.weekly || (a.p.placementId < b.p.placementId ? -1 : 1);
  const external = ledger.placements.filter(isExternal);
  const runningOnD = external.filter((p) => p.startDate <= q.from).map((p) => candidate(p, q.from)).filter((c) => c !== undefined).sort(byCostThenId);
  const later = external.filter((p) => p.startDate > q.from && p.startDate < horizon).map((p) => candidate(p, p.startDate)).filter((c) => c !== undefined)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : byCostThenId(a, b)));
  // Each place is free from the date in this list (undefined: taken for good).
  const freeFrom: (LocalDate | undefined)[] = Array.from({ length: q.additionalInHousePlaces }, () => q.from);
  const chosen: Candidate[] = [];
  for (const c of [...runningOnD, ...later]) {
    const place = freeFrom.findIndex((free) => free !== undefined && free <= c.on);
    if (place < 0) continue;
    freeFrom[place] = c.timeline.endDate;
    chosen.push(c);
  }
  const steppedDown = chosen.map(({ p, timeline, on, weekly }): SteppedDown => ({
    placementId: p.placementId, childRef: p.childRef, ageBand: ageBandOf(ageOn(p.request.ageAtRequest, p.request.requiredFrom, on)),
    providerName: p.provider.name, netWeeklyCostPence: weekly, stepDownDate: on, ...(timeline.endDate === undefined ? {} : { placeFreedOn: timeline.endDate }),
    savingThisYearPence: savingIn(timeline, on, q.inHouseWeeklyCostPence, thisYear),
    savingNextYearPence: savingIn(timeline, on, q.inHouseWeeklyCostPence, nextYear),
  }));
  return {
    asAt: ledger.asAt, placementType: q.placementType, ageRange: q.ageRange.label, additionalInHousePlaces: q.additionalInHousePlaces,
    from: q.from, inHouseWeeklyCostPence: q.inHouseWeeklyCostPence, thisYear, nextYear, steppedDown,
    totalSavingThisYearPence: sumPence(steppedDown.map((s) => s.savingThisYearPence)),
    totalSavingNextYearPence: sumPence(steppedDown.map((s) => s.savingNextYearPence)),
    assumptions: WHAT_IF_ASSUMPTIONS,
  };
}

import {
  daysBetween, latestSearch, rateOn, subtractPence, sumPence,
  type LocalDate, type Pence, type SearchOutcome, type SearchRecord,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { ageBandOf, ageOn, type AgeBand } from '../age-band';
import { byAmountThenId, runningOn } from './running';

/** The latest in-house search on or before the as-of date, summed up in one outcome. */
export interface LastInHouseSearch {
  readonly searchedOn: LocalDate;
  /** `available` if any option was; else `unavailable` if any was only unavailable; else `unsuitable`. */
  readonly outcome: SearchOutcome;
}

/** A running external placement whose type the council also provides in-house, for less. */
export interface StepDownOpportunity {
  readonly placementId: string;
  readonly childRef: string;
  readonly placementType: string;
  readonly costCentre: string;
  readonly providerName: string;
  readonly startDate: LocalDate;
  /** Days charged before the as-of date: startDate to asOf. */
  readonly daysRunning: number;
  readonly ageBand: AgeBand;
  /** The rate in force on the as-of date. */
  readonly weeklyRatePence: Pence;
  readonly inHouseWeeklyCostPence: Pence;
  /** Gross: the external rate less the in-house unit cost (joint funding is not netted off). */
  readonly weeklySavingPence: Pence;
  readonly lastInHouseSearch: LastInHouseSearch | null;
}

export interface StepDownOpportunities {
  readonly asOf: LocalDate;
  readonly asAt: string;
  readonly count: number;
  readonly totalWeeklySavingPence: Pence;
  /** By weekly saving, largest first; ties by placement id. */
  readonly opportunities: readonly StepDownOpportunity[];
}

export function searchOutcomeOf(search: SearchRecord): SearchOutcome {
  if (search.options.some((o) => o.outcome === 'available')) return 'available';
  if (search.options.length > 0 && search.options.every((o) => o.outcome === 'unsuitable')) return 'unsuitable';
  return 'unavailable';
}

/**
 * Step-down opportunities at `asOf`: external placements running then whose placement type has an
 * in-house unit cost (`inHouseWeeklyCostPence`, by SSDA903 code) below the rate in force. Only positive
 * savings are listed: an in-house option that costs as much or more is no saving.
 */
export function stepDownOpportunities(ledger: LedgerAsAt, asOf: LocalDate, inHouseWeeklyCostPence: Readonly<Record<string, Pence>>): StepDownOpportunities {
  const opportunities: StepDownOpportunity[] = [];
  for (const p of runningOn(ledger.placements, asOf)) {
    const inHouse = inHouseWeeklyCostPence[p.placementType];
    if (inHouse === undefined) continue;
    const rate = rateOn(p, asOf);
    const saving = subtractPence(rate, inHouse);
    if (saving <= 0) continue;
    const search = latestSearch(p.searches, asOf);
    opportunities.push({
      placementId: p.placementId, childRef: p.childRef, placementType: p.placementType, costCentre: p.costCentre, providerName: p.provider.name,
      startDate: p.startDate, daysRunning: daysBetween(p.startDate, asOf), ageBand: ageBandOf(ageOn(p.request.ageAtRequest, p.request.requiredFrom, asOf)),
      weeklyRatePence: rate, inHouseWeeklyCostPence: inHouse, weeklySavingPence: saving,
      lastInHouseSearch: search === undefined ? null : { searchedOn: search.searchedOn, outcome: searchOutcomeOf(search) },
    });
  }
  opportunities.sort(byAmountThenId((o) => o.weeklySavingPence));
  return {
    asOf, asAt: ledger.asAt, count: opportunities.length,
    totalWeeklySavingPence: sumPence(opportunities.map((o) => o.weeklySavingPence)), opportunities,
  };
}

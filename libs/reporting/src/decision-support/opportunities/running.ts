import { isExternal, type ExternalPlacementState, type LocalDate, type PlacementState } from '@ledger/domain';

/**
 * Running at `asOf`: an external placement the child is in on that day — started on or before it, and
 * not ended (no end recorded, or an end recorded after it: the end date is the day the child leaves).
 */
export function runningOn(placements: readonly PlacementState[], asOf: LocalDate): ExternalPlacementState[] {
  return placements.filter(isExternal).filter((p) => p.startDate <= asOf && (p.status === 'Commissioned' || p.endDate > asOf));
}

/** By the first key descending, then by placement id: the rank the lists are shown in. */
export const byAmountThenId = <T extends { readonly placementId: string }>(amount: (row: T) => number, then: (a: T, b: T) => number = () => 0) =>
  (a: T, b: T): number => amount(b) - amount(a) || (a.placementId < b.placementId ? -1 : a.placementId > b.placementId ? 1 : then(a, b));

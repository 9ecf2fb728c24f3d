import { csvPounds, toCsv } from '../csv';
import type { Demand, DemandCounts } from './demand';
import type { WhatIf } from './what-if';

const counts = (c: DemandCounts) => [c.total, c.inHouse, c.external, c.open, c.withdrawn, c.externalShareBasisPoints];

/** Every demand table in one sheet, one row per dimension and value: month, placement type, age band, need. */
export function demandToCsv(demand: Demand): string {
  return toCsv([
    ['from', 'to', 'asAt', 'dimension', 'value', 'total', 'inHouse', 'external', 'open', 'withdrawn', 'externalShareBasisPoints'],
    ...[
      ...demand.byMonth.map((r) => ['month', r.month, r] as const),
      ...demand.byPlacementType.map((r) => ['placementType', r.placementType, r] as const),
      ...demand.byAgeBand.map((r) => ['ageBand', r.ageBand, r] as const),
      ...demand.byNeed.map((r) => ['need', r.need, r] as const),
    ].map(([dimension, value, row]) => [demand.from, demand.to, demand.asAt, dimension, value, ...counts(row)]),
  ]);
}

/** The placements a what-if steps down, with each year's saving in pounds. */
export function whatIfToCsv(answer: WhatIf): string {
  return toCsv([
    ['placementType', 'ageRange', 'additionalInHousePlaces', 'from', 'placementId', 'childRef', 'ageBand', 'provider', 'netWeeklyCostPounds',
      'stepDownDate', 'placeFreedOn', `saving${answer.thisYear}Pounds`, `saving${answer.nextYear}Pounds`],
    ...answer.steppedDown.map((s) => [answer.placementType, answer.ageRange, answer.additionalInHousePlaces, answer.from, s.placementId, s.childRef, s.ageBand,
      s.providerName, csvPounds(s.netWeeklyCostPence), s.stepDownDate, s.placeFreedOn, csvPounds(s.savingThisYearPence), csvPounds(s.savingNextYearPence)]),
  ]);
}

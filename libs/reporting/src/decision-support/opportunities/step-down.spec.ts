import type { LocalDate, Pence } from '@ledger/domain';
import { ledgerOf } from './opportunities-fixtures';
import { searchOutcomeOf, stepDownOpportunities } from './step-down';

const asOf = '2026-11-23' as LocalDate;
const inHouse = { U4: 55_000 as Pence, U5: 55_000 as Pence, K2: 450_000 as Pence };

describe('step-down opportunities as of Monday 23 November 2026', () => {
  const ledger = ledgerOf(
    // u4: £1,000 a week from 5 October, £1,050 from 5 November: £1,050 − £550 in-house = £500 a week
    // (50,000 pence). Running 27 days of October + 22 of November = 49 days. 11 on request, under a
    // year on: band 10-11. Its one search (1 October) found one carer unavailable and one unsuitable.
    { id: 'u4', type: 'U4', ratePence: 100_000, start: '2026-10-05', age: 11, searches: [{ on: '2026-10-01', outcomes: ['unavailable', 'unsuitable'] }], rateChanges: [{ from: '2026-11-05', ratePence: 105_000 }] },
    // k2: a children's home at £5,000 against the council's own £4,500: also £500 a week, tied with u4
    // and ranked before it by id. Of its searches the 20 November one counts (an option available);
    // the 30 November one is after the as-of date.
    { id: 'k2', type: 'K2', ratePence: 500_000, start: '2026-09-01', age: 14, searches: [{ on: '2026-08-28', outcomes: ['unsuitable'] }, { on: '2026-11-20', outcomes: ['unavailable', 'available'] }, { on: '2026-11-30', outcomes: ['unsuitable'] }] },
    // u5: £1,200 − £550 = £650 a week, the largest; ended, but the child leaves on 10 December, so it is
    // still running. 15 when required on 1 November 2025, a year and more on: 16, band 16+. No search.
    { id: 'u5', type: 'U5', ratePence: 120_000, start: '2025-11-01', requiredFrom: '2025-11-01', age: 15, end: '2026-12-10' },
    // Not listed: at exactly the in-house cost (no saving); a type with no in-house option; the child
    // left on the as-of date itself; a placement not yet started.
    { id: 'even', type: 'U4', ratePence: 55_000, start: '2026-10-01' },
    { id: 'secure', type: 'K1', ratePence: 900_000, start: '2026-10-01' },
    { id: 'left', type: 'U4', ratePence: 200_000, start: '2026-10-01', end: '2026-11-23' },
    { id: 'later', type: 'U4', ratePence: 150_000, start: '2026-11-24' },
  );
  const list = stepDownOpportunities(ledger, asOf, inHouse);

  it('lists the running placements with an in-house option that costs less, largest weekly saving first and ties by id', () => {
    expect(list.opportunities.map((o) => [o.placementId, o.weeklySavingPence])).toEqual([['u5', 65_000], ['k2', 50_000], ['u4', 50_000]]);
  });

  it('totals the count and the weekly saving: £650 + £500 + £500 = £1,650', () => {
    expect(list).toMatchObject({ asOf, asAt: ledger.asAt, count: 3, totalWeeklySavingPence: 165_000 });
  });

  it('uses the rate in force on the as-of date and says how long the placement has run and the child’s age band', () => {
    expect(list.opportunities[2]).toEqual({
      placementId: 'u4', childRef: 'LAC-U4', placementType: 'U4', costCentre: 'CC-IFA', providerName: 'Brightway Fostering', startDate: '2026-10-05',
      daysRunning: 49, ageBand: '10-11', weeklyRatePence: 105_000, inHouseWeeklyCostPence: 55_000, weeklySavingPence: 50_000,
      lastInHouseSearch: { searchedOn: '2026-10-01', outcome: 'unavailable' },
    });
    expect(list.opportunities[0]).toMatchObject({ ageBand: '16+', daysRunning: 387, lastInHouseSearch: null });
  });

  it('reads the latest search on or before the as-of date', () => {
    expect(list.opportunities[1].lastInHouseSearch).toEqual({ searchedOn: '2026-11-20', outcome: 'available' });
  });

  it('reads the rate before a change that takes effect after the as-of date', () => {
    const before = stepDownOpportunities(ledger, '2026-11-04' as LocalDate, inHouse).opportunities.find((o) => o.placementId === 'u4');
    expect(before).toMatchObject({ weeklyRatePence: 100_000, weeklySavingPence: 45_000, daysRunning: 30 });
  });

  it('lists nothing when no type has an in-house cost', () => {
    expect(stepDownOpportunities(ledger, asOf, {})).toMatchObject({ count: 0, totalWeeklySavingPence: 0, opportunities: [] });
  });
});

describe('a search summed up in one outcome', () => {
  const search = (...outcomes: ('available' | 'unavailable' | 'unsuitable')[]) => ({ searchedOn: asOf, options: outcomes.map((outcome) => ({ resource: 'r', outcome })), inHouseOptionAvailable: outcomes.includes('available') });
  it.each([
    [['unsuitable', 'available'], 'available'],
    [['unsuitable', 'unavailable'], 'unavailable'],
    [['unsuitable', 'unsuitable'], 'unsuitable'],
    [[], 'unavailable'],
  ] as const)('%j is %s', (outcomes, expected) => {
    expect(searchOutcomeOf(search(...outcomes))).toBe(expected);
  });
});

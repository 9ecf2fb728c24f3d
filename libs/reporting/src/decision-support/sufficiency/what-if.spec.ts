import type { LocalDate, Pence } from '@ledger/domain';
import { parseAgeRange } from '../age-band';
import { ledgerOf, type Made } from '../opportunities/opportunities-fixtures';
import { whatIf, type WhatIfQuestion } from './what-if';

const d = (s: string) => s as LocalDate;
const IN_HOUSE = 55_000 as Pence;
const ask = (places: number, from: string, ages = '12+', type = 'U4'): WhatIfQuestion =>
  ({ placementType: type, ageRange: parseAgeRange(ages)!, additionalInHousePlaces: places, from: d(from), inHouseWeeklyCostPence: IN_HOUSE });
// Required from 1 April 2026 aged 13 and 14: still 13 and 14 on 18 March 2027 (a year on comes on 1 April).
const a13: Made = { id: 'a', age: 13, ratePence: 105_000, start: '2026-04-01', requiredFrom: '2026-04-01' };
const b14: Made = { id: 'b', age: 14, ratePence: 126_000, start: '2026-04-01', requiredFrom: '2026-04-01' };

describe('one extra U4 place for 12+ from 18 March 2027, 14 days before the year ends', () => {
  const result = whatIf(ledgerOf(a13, b14), ask(1, '2027-03-18'));

  it('steps down the dearer placement, saving (1,260 − 550) × 14 / 7 = £1,420 this year', () => {
    // £1,260 a week for 14 days is 252,000p; the in-house place 55,000 × 14 / 7 = 110,000p; the saving 142,000p.
    expect(result.steppedDown.map((s) => s.placementId)).toEqual(['b']);
    expect(result.steppedDown[0]).toMatchObject({ stepDownDate: '2027-03-18', netWeeklyCostPence: 126_000, savingThisYearPence: 142_000, ageBand: '12-15' });
    expect(result.totalSavingThisYearPence).toBe(142_000);
  });

  it('saves a whole 2027-28 next year: (1,260 − 550) × 366 / 7 rounded = 3,712,286p', () => {
    // 2027-28 runs 1 April 2027 to 31 March 2028: 366 days (29 February 2028).
    // External round(126000 × 366 / 7) = round(6,588,000) = 6,588,000; in-house round(55000 × 366 / 7) = round(2,875,714.29) = 2,875,714.
    expect(result.thisYear).toBe('2026-27');
    expect(result.nextYear).toBe('2027-28');
    expect(result.totalSavingNextYearPence).toBe(6_588_000 - 2_875_714);
  });
});

describe('two places for two candidates', () => {
  it('steps both down; the cheaper one saves (1,050 − 550) × 14 / 7 = £1,000', () => {
    const result = whatIf(ledgerOf(a13, b14), ask(2, '2027-03-18'));
    expect(result.steppedDown.map((s) => [s.placementId, s.savingThisYearPence])).toEqual([['b', 142_000], ['a', 100_000]]);
    expect(result.totalSavingThisYearPence).toBe(242_000);
  });
});

describe('a child outside the age range, a placement of another type, one already ended', () => {
  it('steps none of them down', () => {
    const young: Made = { id: 'y', age: 10, ratePence: 200_000, start: '2026-04-01' };
    const other: Made = { id: 'k', type: 'K2', age: 14, ratePence: 600_000, start: '2026-04-01' };
    const ended: Made = { id: 'e', age: 14, ratePence: 300_000, start: '2026-04-01', end: '2027-03-18' };
    expect(whatIf(ledgerOf(young, other, ended), ask(3, '2027-03-18')).steppedDown).toEqual([]);
  });
});

describe('a place freed by a recorded end, taken by a placement starting later', () => {
  // One place from 4 March 2027. b (£1,260) takes it and ends on 11 March: 7 days stepped down,
  // saving (1,260 − 550) × 7 / 7 = 71,000p. c starts on 20 March at £1,400, the place is free: it steps down
  // for 12 days to 1 April: external 140,000 × 12 / 7 = 240,000p, in-house round(55,000 × 12 / 7) = round(94,285.7) = 94,286p,
  // saving 145,714p.
  const ledger = ledgerOf({ ...b14, end: '2027-03-11' }, { id: 'c', age: 15, ratePence: 140_000, start: '2027-03-20' });
  const result = whatIf(ledger, ask(1, '2027-03-04'));

  it('steps both down in turn', () => {
    expect(result.steppedDown.map((s) => [s.placementId, s.stepDownDate, s.savingThisYearPence])).toEqual([['b', '2027-03-04', 71_000], ['c', '2027-03-20', 145_714]]);
    expect(result.steppedDown[0].placeFreedOn).toBe('2027-03-11');
  });

  it('counts no saving next year for the ended one', () => {
    expect(result.steppedDown[0].savingNextYearPence).toBe(0);
  });
});

describe('a placement mostly paid for by health', () => {
  it('is not stepped down when its net weekly cost is below the in-house cost', () => {
    // £1,000 a week, health pays 60%: the council's net is £400 a week, less than £550 in-house.
    const shared: Made = { id: 's', age: 14, ratePence: 100_000, start: '2026-04-01', shares: [{ contributor: 'health', basisPoints: 6000, from: '2026-04-01' }] };
    expect(whatIf(ledgerOf(shared), ask(1, '2027-03-18')).steppedDown).toEqual([]);
  });
});

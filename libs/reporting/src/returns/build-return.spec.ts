import fc from 'fast-check';
import {
  addDays, evolvePlacement, financialYear, financialYearRange, fromEpochDay, initialPlacementState, localDate, periodRange,
  quarterRange, toEpochDay, type LocalDate, type Pence, type PlacementEvent, type PlacementState,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { buildReturn } from './build-return';

const d = (s: string) => s as LocalDate;
const provider = { id: 'P', name: 'Provider', type: 'PR4', ofstedGrade: 'good' as const, distanceMiles: 5 };

/** A placement folded from events with the domain's own evolve, as the read model does. */
function placement(i: number, start: LocalDate, rate: number, costCentre: string, changes: { offset: number; rate: number }[], share: number | undefined, length: number | undefined): PlacementState {
  const id = `p${i}`;
  const events: PlacementEvent[] = [
    { type: 'PlacementRequested', data: { placementId: id, childRef: `LAC-${i}`, ageAtRequest: 9, needs: [], placementTypeSought: 'U4', urgency: 'planned', requiredFrom: start, siblingGroupSize: 1 } },
    { type: 'PlacementCommissioned', data: { placementId: id, provider, placementType: i % 2 ? 'U4' : 'K2', weeklyRatePence: rate as Pence, startDate: start, initialTermDays: 28, termEnd: addDays(start, 28), costCentre, emergencyReason: 'x' } },
    ...changes.map((c): PlacementEvent => ({ type: 'PlacementRateChanged', data: { placementId: id, effectiveFrom: addDays(start, c.offset), weeklyRatePence: c.rate as Pence, previousWeeklyRatePence: rate as Pence, reason: 'r' } })),
    ...(share ? [{ type: 'JointFundingAgreed' as const, data: { placementId: id, contributor: 'health', shareBasisPoints: share, effectiveFrom: addDays(start, 10) } }] : []),
    ...(length !== undefined ? [{ type: 'PlacementEnded' as const, data: { placementId: id, endDate: addDays(start, length), reason: 'E8' } }] : []),
  ];
  return events.reduce(evolvePlacement, initialPlacementState);
}

const ledgers: fc.Arbitrary<LedgerAsAt> = fc.array(fc.record({
  start: fc.integer({ min: toEpochDay(localDate('2025-10-01')), max: toEpochDay(localDate('2027-05-01')) }).map(fromEpochDay),
  rate: fc.integer({ min: 80_000, max: 500_000 }),
  costCentre: fc.constantFrom('CC-IFA', 'CC-RES'),
  changes: fc.array(fc.record({ offset: fc.integer({ min: 1, max: 300 }), rate: fc.integer({ min: 80_000, max: 500_000 }) }), { maxLength: 3 }),
  share: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
  length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
}), { maxLength: 12 }).map((rows) => ({
  asAt: '2027-06-01T00:00:00.000Z',
  placements: rows.map((r, i) => placement(i, r.start, r.rate, r.costCentre, r.changes, r.share, r.length)),
  budgets: new Map([['2026-27', { costCentres: { 'CC-IFA': { amountPence: 5_000_000 as Pence, changes: 1 } } }]]),
}));

describe('returns built from random ledgers', () => {
  const year = financialYear('2026-27');
  const { start, end } = financialYearRange(year);

  it('make the twelve months and the four quarters each add up to the year, to the penny', () => {
    fc.assert(fc.property(ledgers, (ledger) => {
      const whole = buildReturn('quarterly', ledger, start, end).total;
      const months = Array.from({ length: 12 }, (_, i) => periodRange(year, i + 1)).map((r) => buildReturn('monthly', ledger, r.start, r.end).total);
      const quarters = Array.from({ length: 4 }, (_, i) => quarterRange(year, i + 1)).map((r) => buildReturn('quarterly', ledger, r.start, r.end).total);
      for (const parts of [months, quarters]) {
        for (const key of ['grossPence', 'contributionsPence', 'netPence', 'commissioned', 'ended'] as const) {
          expect(parts.reduce((sum, f) => sum + f[key], 0)).toBe(whole[key]);
        }
      }
      expect(months[11].financialYearToDatePence).toBe(whole.netPence);
      expect(months[11].budgetToDatePence).toBe(5_000_000);
    }), { numRuns: 60 });
  });

  it('keep the counts consistent: active at start + commissioned − ended = active at end', () => {
    fc.assert(fc.property(ledgers, fc.integer({ min: 0, max: 60 }), (ledger, week) => {
      const monday = addDays(d('2026-04-06'), week * 7);
      const { total, costCentres } = buildReturn('weekly', ledger, monday, addDays(monday, 7));
      for (const f of [total, ...Object.values(costCentres)]) expect(f.activeAtStart + f.commissioned - f.ended).toBe(f.activeAtEnd);
    }), { numRuns: 100 });
  });
});

describe('a return\'s movements', () => {
  it('each carry the placement, its net cost in the period, then what moved, and the rate before only for a rate change', () => {
    const p = placement(1, d('2026-05-04'), 100_000, 'CC-IFA', [{ offset: 14, rate: 120_000 }], 2_500, 40);
    const { movements } = buildReturn('quarterly', { asAt: '2027-06-01T00:00:00.000Z', placements: [p], budgets: new Map() }, d('2026-04-01'), d('2026-07-01'));
    const place = ['placementId', 'childRef', 'costCentre', 'placementType', 'providerName', 'periodNetPence', 'kind', 'date', 'weeklyRatePence'];
    expect(movements.map((m) => [m.kind, Object.keys(m)])).toEqual([
      ['commissioned', place], ['joint-funding', place], ['rate-changed', [...place, 'previousWeeklyRatePence']], ['ended', place],
    ]);
    expect(movements[2]).toMatchObject({ date: '2026-05-18', weeklyRatePence: 120_000, previousWeeklyRatePence: 100_000 });
  });
});

import type { LocalDate, Pence, PlacementEvent } from '@ledger/domain';
import { emptySummary, evolveSummary, rateInForce } from './placement-summary';

const d = (text: string) => text as LocalDate;
const p = (amount: number) => amount as Pence;
const provider = { id: 'P', name: 'Provider', type: 'PR4', ofstedGrade: 'good' as const, distanceMiles: 3 };

/** £1,500 from 3 August, extended at £1,625 from 24 August, then a rate correction effective 10 August. */
const history: PlacementEvent[] = [
  { type: 'PlacementCommissioned', data: { placementId: 'x', provider, placementType: 'U4', weeklyRatePence: p(150_000), startDate: d('2026-08-03'), initialTermDays: 21, termEnd: d('2026-08-24'), costCentre: 'CC' } },
  { type: 'PlacementExtended', data: { placementId: 'x', previousTermEnd: d('2026-08-24'), newTermEnd: d('2026-09-21'), weeklyRatePence: p(162_500), reason: 'r' } },
  rateChange('2026-08-10', 155_000, 150_000),
];

function rateChange(effectiveFrom: string, weeklyRatePence: number, previous: number): PlacementEvent {
  return { type: 'PlacementRateChanged', data: { placementId: 'x', effectiveFrom: d(effectiveFrom), weeklyRatePence: p(weeklyRatePence), previousWeeklyRatePence: p(previous), reason: 'change' } };
}

describe('the weekly rate on the placements list', () => {
  const summary = history.reduce((row, event, i) => evolveSummary(row, event, { revision: i, recordedAt: `2026-09-0${i + 1}T10:00:00Z` }), emptySummary('x'));

  it('is the rate in force by effective date, not the change recorded last', () => {
    expect(summary.rates).toEqual([
      { effectiveFrom: '2026-08-03', weeklyRatePence: 150_000 },
      { effectiveFrom: '2026-08-10', weeklyRatePence: 155_000 },
      { effectiveFrom: '2026-08-24', weeklyRatePence: 162_500 },
    ]);
    expect(summary.weeklyRatePence).toBe(162_500);
    expect(rateInForce(summary.rates, '2026-09-01')).toBe(162_500);
    expect(rateInForce(summary.rates, '2026-08-15')).toBe(155_000);
  });

  it('does not show a change that takes effect later as the current rate', () => {
    const withFuture = evolveSummary(summary, rateChange('2026-10-01', 170_000, 162_500), { revision: 3, recordedAt: '2026-09-05T10:00:00Z' });
    expect(rateInForce(withFuture.rates, '2026-09-05')).toBe(162_500);
    expect(rateInForce(withFuture.rates, '2026-10-01')).toBe(170_000);
    expect(rateInForce(withFuture.rates, '2026-08-01')).toBe(150_000);
  });

  it('replaces a rate from the same day rather than keeping two', () => {
    const again = evolveSummary(summary, rateChange('2026-08-10', 156_000, 155_000), { revision: 3, recordedAt: '2026-09-05T10:00:00Z' });
    expect(again.rates.filter((r) => r.effectiveFrom === '2026-08-10')).toEqual([{ effectiveFrom: '2026-08-10', weeklyRatePence: 156_000 }]);
  });
});

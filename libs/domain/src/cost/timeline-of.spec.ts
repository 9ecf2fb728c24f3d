import type { LocalDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import type { PlacementEvent } from '../placement/placement-events';
import { commissioned, ended, ID, requested, reviewed, searched } from '../testing/placement-history';
import { cumulativeGross } from './cost-timeline';
import { costTimelineFromEvents } from './timeline-of';

const d = (s: string) => s as LocalDate;
const p = (n: number) => n as Pence;
const rateChanged = (effectiveFrom: string, rate: number, previous: number): PlacementEvent => ({ type: 'PlacementRateChanged', data: {
  placementId: ID, effectiveFrom: d(effectiveFrom), weeklyRatePence: p(rate), previousWeeklyRatePence: p(previous), reason: 'Correction' } });
const extendedAt = (rate: number): PlacementEvent => ({ type: 'PlacementExtended', data: {
  placementId: ID, previousTermEnd: d('2026-11-30'), newTermEnd: d('2027-02-22'), weeklyRatePence: p(rate), reason: 'Settled' } });
const active = [requested, searched(), commissioned()];

describe('a placement never commissioned', () => {
  it('has no cost timeline', () => {
    expect(costTimelineFromEvents([requested, searched()])).toBeUndefined();
    expect(costTimelineFromEvents([])).toBeUndefined();
  });
});

describe('a commissioned placement', () => {
  it('runs at its commissioned rate from its start, with no end', () => {
    expect(costTimelineFromEvents(active)).toEqual({
      startDate: '2026-11-02', rates: [{ effectiveFrom: '2026-11-02', weeklyRatePence: 95_000 }], contributions: [] });
  });

  it('takes an extension\'s new rate from the previous term end', () => {
    expect(costTimelineFromEvents([...active, reviewed(), extendedAt(99_000)])?.rates).toEqual([
      { effectiveFrom: '2026-11-02', weeklyRatePence: 95_000 }, { effectiveFrom: '2026-11-30', weeklyRatePence: 99_000 }]);
  });

  it('takes a rate change backdated to the start as replacing the commissioned rate, keeping later rates', () => {
    const timeline = costTimelineFromEvents([...active, reviewed(), extendedAt(99_000), rateChanged('2026-11-02', 90_000, 95_000)]);
    expect(timeline?.rates).toEqual([
      { effectiveFrom: '2026-11-02', weeklyRatePence: 90_000 }, { effectiveFrom: '2026-11-30', weeklyRatePence: 99_000 }]);
  });

  it('inserts a backdated mid-term change before a later rate', () => {
    const timeline = costTimelineFromEvents([...active, rateChanged('2026-12-07', 99_000, 95_000), rateChanged('2026-11-16', 97_000, 95_000)]);
    expect(timeline?.rates.map((r) => [r.effectiveFrom, r.weeklyRatePence])).toEqual([['2026-11-02', 95_000], ['2026-11-16', 97_000], ['2026-12-07', 99_000]]);
  });

  it('carries joint funding agreements in the order recorded', () => {
    const funded: PlacementEvent = { type: 'JointFundingAgreed', data: { placementId: ID, contributor: 'health', shareBasisPoints: 2500, effectiveFrom: d('2026-11-09') } };
    expect(costTimelineFromEvents([...active, funded])?.contributions).toEqual([{ contributor: 'health', shareBasisPoints: 2500, effectiveFrom: '2026-11-09' }]);
  });
});

describe('an ended placement, its end later corrected', () => {
  const corrected: PlacementEvent = { type: 'PlacementEnded', data: { placementId: ID, endDate: d('2026-12-13'), reason: 'E4A', correctsEndDate: d('2026-12-20') } };
  const history = [...active, reviewed(), extendedAt(99_000), rateChanged('2026-11-02', 90_000, 95_000), ended('2026-12-20'), corrected];

  it('stops accruing on the corrected end date', () => {
    expect(costTimelineFromEvents(history)?.endDate).toBe('2026-12-13');
  });

  it('costs 28 days at £900 (360,000p) and 13 days at £990 (round(1,287,000 / 7) = 183,857p)', () => {
    const timeline = costTimelineFromEvents(history);
    expect(timeline && cumulativeGross(timeline, d('2027-04-01'))).toBe(360_000 + 183_857);
  });
});

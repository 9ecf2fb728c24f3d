import { localDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import { cumulativeContributions, cumulativeGross, cumulativeNet, periodCost, periodGross, rateSegments, type CostTimeline } from './cost-timeline';

const d = (s: string) => localDate(s);
const p = (n: number) => n as Pence;

describe('a worked example finance can check by hand', () => {
  // £1,000 a week from Monday 2 November 2026; £1,050 from Thursday 5 November (mid-week);
  // health pays 25% from 9 November; the child left on 20 November (not charged).
  const timeline: CostTimeline = {
    startDate: d('2026-11-02'), endDate: d('2026-11-20'),
    rates: [{ effectiveFrom: d('2026-11-02'), weeklyRatePence: p(100_000) }, { effectiveFrom: d('2026-11-05'), weeklyRatePence: p(105_000) }],
    contributions: [{ contributor: 'health', shareBasisPoints: 2500, effectiveFrom: d('2026-11-09') }],
  };

  it('cuts the rates into half-open segments', () => {
    expect(rateSegments(timeline)).toEqual([
      { from: '2026-11-02', to: '2026-11-05', weeklyRatePence: 100_000 }, { from: '2026-11-05', weeklyRatePence: 105_000 }]);
  });

  it('charges week 1 as 3 days at £1,000 (round(300,000 / 7) = 42,857p) plus 4 days at £1,050 (60,000p)', () => {
    expect(periodCost(timeline, d('2026-11-02'), d('2026-11-09'))).toEqual({ grossPence: 102_857, contributionsPence: 0, netPence: 102_857 });
  });

  it('charges week 2 as a full week at £1,050, a quarter of it (26,250p) paid by health', () => {
    expect(periodCost(timeline, d('2026-11-09'), d('2026-11-16'))).toEqual({ grossPence: 105_000, contributionsPence: 26_250, netPence: 78_750 });
  });

  it('charges week 3 only up to the day before the child left: 4 days at £1,050 = 60,000p', () => {
    expect(periodCost(timeline, d('2026-11-16'), d('2026-11-23'))).toEqual({ grossPence: 60_000, contributionsPence: 15_000, netPence: 45_000 });
  });

  it('charges nothing after the end, and the three weeks add up to the whole', () => {
    expect(periodGross(timeline, d('2026-11-23'), d('2027-01-01'))).toBe(0);
    expect(cumulativeGross(timeline, d('2027-01-01'))).toBe(102_857 + 105_000 + 60_000);
    expect(cumulativeContributions(timeline, d('2027-01-01'))).toBe(26_250 + 15_000);
    expect(cumulativeNet(timeline, d('2027-01-01'))).toBe(267_857 - 41_250);
  });

  it('charges nothing before the start, nor on the start day as of the start day', () => {
    expect(cumulativeGross(timeline, d('2026-11-02'))).toBe(0);
    expect(cumulativeGross(timeline, d('2026-11-03'))).toBe(14_286); // round(100,000 / 7) = 14,285.71
  });
});

describe('rounding per segment, not per day', () => {
  it('rounds each segment once: 3 days at £1,000 is 42,857p, not 3 × 14,286p', () => {
    const timeline: CostTimeline = { startDate: d('2026-11-02'), endDate: d('2026-11-05'), rates: [{ effectiveFrom: d('2026-11-02'), weeklyRatePence: p(100_000) }], contributions: [] };
    expect(cumulativeGross(timeline, d('2026-12-01'))).toBe(42_857);
  });

  it('rounds a contribution half up: 25% of 42,857p is 10,714p', () => {
    const timeline: CostTimeline = { startDate: d('2026-11-02'), endDate: d('2026-11-05'), rates: [{ effectiveFrom: d('2026-11-02'), weeklyRatePence: p(100_000) }],
      contributions: [{ contributor: 'health', shareBasisPoints: 2500, effectiveFrom: d('2026-11-02') }] };
    expect(periodCost(timeline, d('2026-11-02'), d('2026-11-05'))).toEqual({ grossPence: 42_857, contributionsPence: 10_714, netPence: 32_143 });
  });
});

describe('a contributor agreeing a new share', () => {
  // £1,000 a week from 2 November; health 25% from 2 November, then 50% from 16 November.
  const timeline: CostTimeline = {
    startDate: d('2026-11-02'), rates: [{ effectiveFrom: d('2026-11-02'), weeklyRatePence: p(100_000) }],
    contributions: [
      { contributor: 'health', shareBasisPoints: 2500, effectiveFrom: d('2026-11-02') },
      { contributor: 'health', shareBasisPoints: 5000, effectiveFrom: d('2026-11-16') },
    ],
  };

  it('freezes the earlier share at two weeks (50,000p) and adds half of the third week (50,000p)', () => {
    expect(cumulativeContributions(timeline, d('2026-11-16'))).toBe(50_000);
    expect(cumulativeContributions(timeline, d('2026-11-23'))).toBe(100_000);
    expect(cumulativeNet(timeline, d('2026-11-23'))).toBe(200_000);
  });

  it('lets a later-recorded agreement with the same effective date replace the earlier one', () => {
    const corrected: CostTimeline = { ...timeline, contributions: [...timeline.contributions, { contributor: 'health', shareBasisPoints: 1000, effectiveFrom: d('2026-11-02') }] };
    expect(cumulativeContributions(corrected, d('2026-11-23'))).toBe(20_000 + 50_000);
  });

  it('keeps contributors apart: education\'s share does not freeze health\'s', () => {
    const both: CostTimeline = { ...timeline, contributions: [timeline.contributions[0], { contributor: 'education', shareBasisPoints: 1000, effectiveFrom: d('2026-11-09') }] };
    expect(cumulativeContributions(both, d('2026-11-23'))).toBe(75_000 + 20_000);
  });
});

describe('a placement across the financial-year boundary', () => {
  it('splits £700 a week by the days each side: 3 days (30,000p) in 2026-27, 4 days (40,000p) in 2027-28', () => {
    const spanning: CostTimeline = { startDate: d('2027-03-29'), rates: [{ effectiveFrom: d('2027-03-29'), weeklyRatePence: p(70_000) }], contributions: [] };
    expect([periodGross(spanning, d('2026-04-01'), d('2027-04-01')), periodGross(spanning, d('2027-04-01'), d('2027-04-05'))]).toEqual([30_000, 40_000]);
  });
});

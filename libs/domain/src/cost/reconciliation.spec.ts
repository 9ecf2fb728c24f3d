import fc from 'fast-check';
import { financialYear, financialYearRange, periodRange, quarterRange, weekRange } from '../calendar/financial-year';
import { addDays, maxDate, minDate, mondayOf, type LocalDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import { datesBetween } from '../testing/arbitraries';
import { cumulativeContributions, cumulativeGross, cumulativeNet, periodCost, type CostTimeline } from './cost-timeline';

const p = (n: number) => n as Pence;
const day = datesBetween;

const timelines: fc.Arbitrary<CostTimeline> = fc.record({
  start: day('2025-01-01', '2027-06-30'),
  length: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  rates: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 400 }), rate: fc.integer({ min: 1, max: 1_200_000 }) }), { minLength: 1, maxLength: 5 }),
  shares: fc.array(fc.record({ who: fc.constantFrom('health', 'education'), offset: fc.integer({ min: 0, max: 400 }), bp: fc.integer({ min: 1, max: 5000 }) }), { maxLength: 4 }),
}).map(({ start, length, rates, shares }) => {
  const effective = [...new Map(rates.map((r, i) => [i === 0 ? 0 : r.offset, r.rate])).entries()].sort((a, b) => a[0] - b[0]);
  return {
    startDate: start, endDate: length === undefined ? undefined : addDays(start, length),
    rates: effective.map(([offset, rate]) => ({ effectiveFrom: addDays(start, offset), weeklyRatePence: p(rate) })),
    contributions: shares.map((s) => ({ contributor: s.who, shareBasisPoints: s.bp, effectiveFrom: addDays(start, s.offset) })),
  };
});

const sum = (costs: ReturnType<typeof periodCost>[]) => costs.reduce(
  (t, c) => ({ grossPence: p(t.grossPence + c.grossPence), contributionsPence: p(t.contributionsPence + c.contributionsPence), netPence: p(t.netPence + c.netPence) }),
  { grossPence: p(0), contributionsPence: p(0), netPence: p(0) });

/** An independent oracle: walk the days one by one, count each segment's, round each segment once. */
function grossByWalkingDays(timeline: CostTimeline, date: LocalDate): number {
  const days = new Map<number, number>();
  for (let d = timeline.startDate; d < date && (timeline.endDate === undefined || d < timeline.endDate); d = addDays(d, 1)) {
    const segment = timeline.rates.findLastIndex((r) => r.effectiveFrom <= d);
    days.set(segment, (days.get(segment) ?? 0) + 1);
  }
  let total = 0n;
  for (const [segment, n] of days) {
    const x = BigInt(timeline.rates[segment].weeklyRatePence) * BigInt(n);
    total += (2n * x + 7n) / 14n;
  }
  return Number(total);
}

describe('the cumulative gross', () => {
  it('agrees with counting the days one by one', () => {
    fc.assert(fc.property(timelines, day('2024-12-01', '2029-01-01'), (timeline, date) => cumulativeGross(timeline, date) === grossByWalkingDays(timeline, date)),
      { numRuns: 200 });
  });
});

describe('reconciliation to the penny, by construction', () => {
  it('makes any split of a range into contiguous periods add up exactly to the range', () => {
    fc.assert(fc.property(timelines, day('2025-01-01', '2028-12-31'), fc.array(fc.integer({ min: 0, max: 900 }), { maxLength: 8 }), (timeline, start, cuts) => {
      const points = [...new Set([0, ...cuts, 900])].sort((a, b) => a - b).map((n) => addDays(start, n));
      const parts = points.slice(1).map((end, i) => periodCost(timeline, points[i], end));
      expect(sum(parts)).toEqual(periodCost(timeline, points[0], points[points.length - 1]));
    }), { numRuns: 300 });
  });

  it('makes the weeks, the months and the quarters of a financial year each add up to the year', () => {
    fc.assert(fc.property(timelines, fc.constantFrom('2025-26', '2026-27', '2027-28'), (timeline, name) => {
      const year = financialYear(name);
      const { start, end } = financialYearRange(year);
      const whole = periodCost(timeline, start, end);
      const months = Array.from({ length: 12 }, (_, i) => periodRange(year, i + 1));
      const quarters = Array.from({ length: 4 }, (_, i) => quarterRange(year, i + 1));
      expect(sum(months.map((r) => periodCost(timeline, r.start, r.end)))).toEqual(whole);
      expect(sum(quarters.map((r) => periodCost(timeline, r.start, r.end)))).toEqual(whole);
      // Weeks straddle the year's edges: clip the first and last to the year, as the returns do.
      const weeks: { start: LocalDate; end: LocalDate }[] = [];
      for (let monday = mondayOf(start); monday < end; monday = addDays(monday, 7)) {
        const week = weekRange(monday);
        weeks.push({ start: maxDate(week.start, start), end: minDate(week.end, end) });
      }
      expect(sum(weeks.map((r) => periodCost(timeline, r.start, r.end)))).toEqual(whole);
    }), { numRuns: 100 });
  });

  it('makes net the gross less contributions on every day', () => {
    fc.assert(fc.property(timelines, day('2025-01-01', '2029-01-01'), (timeline, date) =>
      cumulativeNet(timeline, date) === cumulativeGross(timeline, date) - cumulativeContributions(timeline, date)));
  });

  it('never lets contributions exceed the gross they share in', () => {
    fc.assert(fc.property(timelines, day('2025-01-01', '2029-01-01'), (timeline, date) => {
      expect(cumulativeContributions(timeline, date)).toBeLessThanOrEqual(cumulativeGross(timeline, date));
      expect(cumulativeGross(timeline, addDays(date, 1))).toBeGreaterThanOrEqual(cumulativeGross(timeline, date));
    }), { numRuns: 200 });
  });
});


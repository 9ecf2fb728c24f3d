import fc from 'fast-check';
import { financialYear, periodRange, quarterRange, financialYearRange, weekRange } from '../calendar/financial-year';
import { addDays, fromEpochDay, mondayOf, toEpochDay, localDate, type LocalDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import { budgetToDate } from './budget-profile';
import { cumulativeContributions, cumulativeGross, periodCost, type CostTimeline } from './cost-timeline';

const d = (s: string) => localDate(s);
const p = (n: number) => n as Pence;

describe('a worked example finance can check by hand', () => {
  // £1,000 a week from Monday 2 November 2026; £1,050 from Thursday 5 November (mid-week);
  // health pays 25% from 9 November; the child left on 20 November.
  const timeline: CostTimeline = {
    startDate: d('2026-11-02'), endDate: d('2026-11-20'),
    rates: [{ effectiveFrom: d('2026-11-02'), weeklyRatePence: p(100_000) }, { effectiveFrom: d('2026-11-05'), weeklyRatePence: p(105_000) }],
    contributions: [{ contributor: 'health', shareBasisPoints: 2500, effectiveFrom: d('2026-11-09') }],
  };

  it('charges week 1 as 3 days at £1,000 (42,857p) plus 4 days at £1,050 (60,000p)', () => {
    expect(periodCost(timeline, d('2026-11-02'), d('2026-11-09'))).toEqual({ grossPence: 102_857, contributionsPence: 0, netPence: 102_857 });
  });

  it('charges week 2 as a full week at £1,050, a quarter of it paid by health', () => {
    expect(periodCost(timeline, d('2026-11-09'), d('2026-11-16'))).toEqual({ grossPence: 105_000, contributionsPence: 26_250, netPence: 78_750 });
  });

  it('charges week 3 only up to the day before the child left', () => {
    expect(periodCost(timeline, d('2026-11-16'), d('2026-11-23'))).toEqual({ grossPence: 60_000, contributionsPence: 15_000, netPence: 45_000 });
  });

  it('charges nothing after the end, and the three weeks add up to the whole', () => {
    expect(periodCost(timeline, d('2026-11-23'), d('2027-01-01')).grossPence).toBe(0);
    expect(cumulativeGross(timeline, d('2027-01-01'))).toBe(102_857 + 105_000 + 60_000);
    expect(cumulativeContributions(timeline, d('2027-01-01'))).toBe(41_250);
  });

  it('splits a placement across the financial-year boundary by the days each side', () => {
    const spanning: CostTimeline = { startDate: d('2027-03-29'), rates: [{ effectiveFrom: d('2027-03-29'), weeklyRatePence: p(70_000) }], contributions: [] };
    const oldYear = periodCost(spanning, d('2026-04-01'), d('2027-04-01')).grossPence;
    const newYear = periodCost(spanning, d('2027-04-01'), d('2027-04-05')).grossPence;
    expect([oldYear, newYear]).toEqual([30_000, 40_000]);
  });
});

const day = (min: string, max: string) => fc.integer({ min: toEpochDay(d(min)), max: toEpochDay(d(max)) }).map(fromEpochDay);

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
        weeks.push({ start: week.start < start ? start : week.start, end: week.end > end ? end : week.end });
      }
      expect(sum(weeks.map((r) => periodCost(timeline, r.start, r.end)))).toEqual(whole);
    }), { numRuns: 100 });
  });

  it('never lets contributions exceed the gross they share in', () => {
    fc.assert(fc.property(timelines, day('2025-01-01', '2029-01-01'), (timeline, date) => {
      expect(cumulativeContributions(timeline, date)).toBeLessThanOrEqual(cumulativeGross(timeline, date));
      expect(cumulativeGross(timeline, addDays(date, 1))).toBeGreaterThanOrEqual(cumulativeGross(timeline, date));
    }), { numRuns: 200 });
  });
});

describe('the budget profiled flat by day', () => {
  const year = financialYear('2026-27');

  it('is nothing before the year, all of it from the year end, and in between by days elapsed', () => {
    expect(budgetToDate(p(365_000_00), year, d('2026-03-01'))).toBe(0);
    expect(budgetToDate(p(365_000_00), year, d('2027-06-01'))).toBe(365_000_00);
    expect(budgetToDate(p(365_000_00), year, d('2026-04-11'))).toBe(10 * 100_000);
    expect(budgetToDate(p(100), year, d('2026-04-03'))).toBe(1); // 100 × 2 / 365 = 0.548 → 1
  });
});

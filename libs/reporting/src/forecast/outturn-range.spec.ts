import * as fc from 'fast-check';
import {
  evolvePlacement, financialYear, initialPlacementState, type LocalDate, type Pence, type PlacementEvent, type PlacementState,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { placedFor, plusDays } from './placed-for-specs';
import { SeededRandom } from './seeded-random';
import { buildOutturnRange, buildForecastWithRange, KeptRanges, type SamplingLimits } from './outturn-range';
import { DEFAULT_RAG } from './rag';

const d = (s: string) => s as LocalDate;
const provider = { id: 'P', name: 'Provider', type: 'PR4', ofstedGrade: 'good' as const, distanceMiles: 5 };
const year = financialYear('2026-27');

/** Placement i: £800 + £50·i a week from a start in 2026, reviewed and extended `extended` times by 28 days. */
function placement(i: number, start: string, extended: number, ended?: string): PlacementState {
  const id = `p${i}`;
  const events: PlacementEvent[] = [
    { type: 'PlacementRequested', data: { placementId: id, childRef: `LAC-${i}`, ageAtRequest: 9, needs: [], placementTypeSought: 'U4', urgency: 'planned', requiredFrom: d(start), siblingGroupSize: 1 } },
    { type: 'PlacementCommissioned', data: { placementId: id, provider, placementType: 'U4', weeklyRatePence: (80_000 + 5_000 * i) as Pence, startDate: d(start), initialTermDays: 28, termEnd: d(addDays(start, 28)), costCentre: i % 2 === 0 ? 'CC-IFA' : 'CC-RES', emergencyReason: 'x' } },
  ];
  for (let k = 0; k < extended; k++) {
    const termEnd = addDays(start, 28 * (k + 1));
    events.push({ type: 'FourWeekReviewRecorded', data: { placementId: id, reviewedOn: d(addDays(termEnd, -3)), outcome: 'extend', termEnd: d(termEnd), onTime: true } });
    events.push({ type: 'PlacementExtended', data: { placementId: id, previousTermEnd: d(termEnd), newTermEnd: d(addDays(termEnd, 28)), reason: 'r' } });
  }
  if (ended !== undefined) events.push({ type: 'PlacementEnded', data: { placementId: id, endDate: d(ended), reason: 'E4A' } });
  return events.reduce(evolvePlacement, initialPlacementState);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const ledgerOf = (placements: PlacementState[]): LedgerAsAt => ({ asAt: '2026-11-23T12:00:00.000Z', placements, budgets: new Map() });

describe('the projected outturn as a range', () => {
  const ledger = ledgerOf(Array.from({ length: 24 }, (_, i) => placement(i, addDays('2026-04-06', 7 * i), i % 5, i % 4 === 3 ? addDays('2026-04-06', 7 * i + 60) : undefined)));
  const asOf = d('2026-11-23');

  it('is the same for the same ledger, year and as-of date', () => {
    // A copy of the ledger is another object, so the second range is simulated afresh, not read back.
    expect(buildOutturnRange(ledger, year, asOf)).toEqual(buildOutturnRange({ ...ledger }, year, asOf));
    expect(buildOutturnRange(ledger, year, asOf).seed).toBe(buildOutturnRange({ ...ledger }, year, asOf).seed);
  });

  it('sits at or above the actual to date, with P10 <= P50 <= P90 in total and per cost centre', () => {
    const { scenarios, range } = buildForecastWithRange(ledger, year, asOf, DEFAULT_RAG);
    expect(range.runs).toBe(500);
    expect(range.p10Pence).toBeLessThanOrEqual(range.p50Pence);
    expect(range.p50Pence).toBeLessThanOrEqual(range.p90Pence);
    expect(range.p10Pence).toBeGreaterThanOrEqual(scenarios.continuing.actualToDatePence);
    expect(range.p90Pence).toBeGreaterThan(range.p10Pence);
    for (const [costCentre, c] of Object.entries(range.costCentres)) {
      expect(c.p10Pence <= c.p50Pence && c.p50Pence <= c.p90Pence).toBe(true);
      expect(c.p10Pence).toBeGreaterThanOrEqual(scenarios.continuing.costCentres[costCentre].actualToDatePence);
    }
  });

  it('ends a running placement where every placement like it ended: a worked example', () => {
    // Ten U4 placements began in December 2025 and each ended after 300 days; one more began on 1 May 2026
    // at £800 a week. None began in the last 26 weeks, so no new demand; no rate changed, so no drift.
    const alike = Array.from({ length: 10 }, (_, i) => placedFor({ id: `a${i}`, start: plusDays('2025-12-01', i), end: plusDays('2025-12-01', i + 300) }));
    const ledger = ledgerOf([...alike, placedFor({ id: 'subject', start: '2026-05-01' })]);
    const { scenarios, range } = buildForecastWithRange(ledger, year, asOf, DEFAULT_RAG);
    // Every run ends it 300 days after its start, on 25 February 2027: 94 days from 23 November at £800 a
    // week, by the ledger's rule a difference of the cumulative cost G(n) = round(80,000 × n / 7) at 300 and 206 days.
    const rest = 3_428_571 - 2_354_286;
    expect(range).toMatchObject({ p10Pence: scenarios.continuing.actualToDatePence + rest, p90Pence: scenarios.continuing.actualToDatePence + rest });
    expect(range.model.durations[0]).toMatchObject({ group: 'all', ended: 10, medianDays: 300 });
  });

  it('runs a placement to the year end once it has outlasted every placement seen to end', () => {
    const alike = Array.from({ length: 10 }, (_, i) => placedFor({ id: `a${i}`, start: plusDays('2025-12-01', i), end: plusDays('2025-12-01', i + 100) }));
    const { scenarios, range } = buildForecastWithRange(ledgerOf([...alike, placedFor({ id: 'subject', start: '2026-05-01' })]), year, asOf, DEFAULT_RAG);
    // 206 days old on 23 November, past the last end at 100 days: it runs on, as the continuing basis says.
    expect(range).toMatchObject({ p10Pence: scenarios.continuing.projectedOutturnPence, p90Pence: scenarios.continuing.projectedOutturnPence });
  });

  it('draws a large cost centre\'s sums as normals that agree with drawing placement by placement', () => {
    // 400 placements over three years in two cost centres, seven in ten ended after 30 to 700 days.
    const random = new SeededRandom(5);
    const many = Array.from({ length: 400 }, (_, i) => {
      const start = plusDays('2023-12-01', Math.floor(random.next() * 1080));
      const end = random.next() < 0.7 ? plusDays(start, 30 + Math.floor(random.next() * 670)) : undefined;
      return placedFor({ id: `m${i}`, start, end: end !== undefined && end < '2026-11-23' ? end : undefined, weeklyRatePence: 80_000 + 1_000 * Math.floor(random.next() * 300), costCentre: i % 2 === 0 ? 'CC-IFA' : 'CC-RES', ageAtRequest: i % 17 });
    });
    const one = buildOutturnRange(ledgerOf(many), year, asOf, { runningPerCentre: Number.POSITIVE_INFINITY, arrivalsPerCentre: Number.POSITIVE_INFINITY });
    const summed = buildOutturnRange(ledgerOf(many), year, asOf, { runningPerCentre: 0, arrivalsPerCentre: 0 });
    for (const key of ['p10Pence', 'p50Pence', 'p90Pence'] as const) {
      expect(Math.abs(summed[key] - one[key]) / one[key]).toBeLessThan(0.01);
      for (const c of ['CC-IFA', 'CC-RES']) expect(Math.abs(summed.costCentres[c][key] - one.costCentres[c][key]) / one.costCentres[c][key]).toBeLessThan(0.01);
    }
  });

  it('collapses to the certain outturn when every placement has a recorded end and nothing new is expected', () => {
    // Both ended before the look-back window closes on new starts: no commission in the last 26 weeks, so no new demand.
    const ended = ledgerOf([placement(1, '2026-04-06', 2, '2026-05-20'), placement(2, '2026-04-13', 0, '2026-12-20')]);
    const { scenarios, range } = buildForecastWithRange(ended, year, asOf, DEFAULT_RAG);
    expect(scenarios.trend.expectedNewDemandPence).toBe(0);
    expect(range).toMatchObject({ p10Pence: scenarios.continuing.projectedOutturnPence, p90Pence: scenarios.continuing.projectedOutturnPence });
  });

  it('keeps P10 <= P50 <= P90 on any small ledger (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ week: fc.integer({ min: 0, max: 40 }), extended: fc.integer({ min: 0, max: 4 }), endsAfter: fc.option(fc.integer({ min: 30, max: 300 })) }), { minLength: 1, maxLength: 12 }),
      (specs) => {
        const placements = specs.map((s, i) => placement(i, addDays('2026-04-06', 7 * s.week), s.extended, s.endsAfter === null ? undefined : addDays('2026-04-06', 7 * s.week + Math.max(s.endsAfter, 28 * s.extended + 1))));
        const { range } = buildForecastWithRange(ledgerOf(placements), year, asOf, DEFAULT_RAG);
        return range.p10Pence <= range.p50Pence && range.p50Pence <= range.p90Pence;
      },
    ), { numRuns: 40 });
  });

  it.each<[string, SamplingLimits]>([
    ['placement by placement', { runningPerCentre: Number.POSITIVE_INFINITY, arrivalsPerCentre: Number.POSITIVE_INFINITY }],
    ['as normals', { runningPerCentre: 0, arrivalsPerCentre: 0 }],
  ])('after each write is the range simulated afresh for the ledger it moved to (%s)', (_, limits) => {
    const random = new SeededRandom(9);
    let placements = Array.from({ length: 120 }, (__, i) => {
      const start = plusDays('2024-06-01', Math.floor(random.next() * 880));
      const end = random.next() < 0.6 ? plusDays(start, 30 + Math.floor(random.next() * 500)) : undefined;
      return placedFor({ id: `w${i}`, start, end: end !== undefined && end < '2026-11-23' ? end : undefined, weeklyRatePence: 90_000 + 2_000 * (i % 50), costCentre: i % 3 === 0 ? 'CC-RES' : 'CC-IFA', ageAtRequest: i % 17 });
    });
    const running = placements.map((p, i) => [p, i] as const).filter(([p]) => p.status === 'Commissioned').map(([, i]) => i);
    const change = (i: number, event: (id: string) => PlacementEvent) => { placements = placements.map((p, k) => (k === i ? evolvePlacement(p, event(`w${i}`)) : p)); };
    const rate = (i: number, effectiveFrom: string) => change(i, (placementId) => ({ type: 'PlacementRateChanged', data: {
      placementId, effectiveFrom: d(effectiveFrom), weeklyRatePence: 150_000 as Pence, previousWeeklyRatePence: 90_000 as Pence, reason: 'uplift' } }));
    const writes: (() => void)[] = [
      () => rate(running[0], '2026-11-23'), // from today: no length, start or past rate moves
      () => rate(running[1], '2026-09-01'), // in the past: the drift moves
      () => change(running[2], (placementId) => ({ type: 'PlacementEnded', data: { placementId, endDate: d('2026-11-20'), reason: 'E4A' } })), // a length ends
      () => { placements = [...placements, placedFor({ id: 'new', start: '2026-11-02', costCentre: 'CC-EDU' })]; }, // a new start and cost centre
    ];
    const kept = new KeptRanges();
    buildOutturnRange(ledgerOf(placements), year, asOf, limits, kept);
    for (const write of writes) {
      write();
      const followed = buildOutturnRange(ledgerOf(placements), year, asOf, limits, kept);
      expect(followed).toEqual(buildOutturnRange(ledgerOf(structuredClone(placements)), year, asOf, limits, new KeptRanges()));
    }
  });
});

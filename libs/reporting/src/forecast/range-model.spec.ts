import type { LocalDate } from '@ledger/domain';
import { externalPlacements } from '../returns/build-return';
import { placedFor, plusDays, type PlacedSpec } from './placed-for-specs';
import { ALL_PLACEMENTS, curveFor, DRIFT_PRIOR_DAYS, learnRangeModel, MIN_ENDS_PER_CURVE, summariseRangeModel } from './range-model';

const d = (s: string) => s as LocalDate;
const learn = (specs: PlacedSpec[], asOf: string) => learnRangeModel(externalPlacements(specs.map(placedFor)), d(asOf));

describe('the model the outturn range is simulated from', () => {
  it('learns new demand by calendar month, each month pulled towards the average by 60 days of it', () => {
    // Two commissions in May and one in June, seen from 1 May to 1 July: 31 + 30 days, 3/61 a day overall.
    const model = learn([{ id: 'a', start: '2026-05-01' }, { id: 'b', start: '2026-05-15' }, { id: 'c', start: '2026-06-10' }], '2026-07-01');
    // May: (2 + 60 × 3/61) / (31 + 60) per day, over 3/61: (2·61 + 180) / (91·3) = 302/273.
    expect(model.demandFactors[4]).toBeCloseTo(302 / 273, 12);
    // June: (1 + 180/61) / 90 over 3/61 = 241/270. A month never seen is the average.
    expect(model.demandFactors[5]).toBeCloseTo(241 / 270, 12);
    expect(model.demandFactors[0]).toBeCloseTo(1, 12);
    // The window is the 182 days to 1 July, weighted by month: 31 December to 30 April at 1 (121 days), then May and June.
    expect(model.newDemand['CC-IFA'].commissions).toBe(3);
    expect(model.newDemand['CC-IFA'].weightedWindowDays).toBeCloseTo(121 + 31 * (302 / 273) + 30 * (241 / 270), 9);
  });

  it('learns the rates\u2019 drift as relative change per placement-day run', () => {
    // £1,000 a week from 6 April, £1,030 from 5 June; 180 days run by 3 October: 3% over 180 days, and
    // 3,650 days of no change besides, so one uplift on a young ledger is not read as 6% a year.
    const model = learn([{ id: 'a', start: '2026-04-06', weeklyRatePence: 100_000, rateChange: { from: '2026-06-05', weeklyRatePence: 103_000 } }], '2026-10-03');
    expect(model.dailyRateDrift).toBeCloseTo(0.03 / (180 + DRIFT_PRIOR_DAYS), 15);
    expect(summariseRangeModel(model).annualRateDriftBasisPoints).toBe(29); // 0.03 × 365 / 3,830 = 0.29%
  });

  it('gives each type and age band its own survival curve once enough of them have ended, else the type\u2019s, else all', () => {
    const asOf = '2026-11-01';
    // Eight U4 placements of children aged 13 (band 12-15), each ended after 100 days; two U6, aged 3, ended after 50.
    const teenagers = Array.from({ length: MIN_ENDS_PER_CURVE }, (_, i): PlacedSpec => ({ id: `t${i}`, start: plusDays('2026-02-01', i), ageAtRequest: 13, end: plusDays('2026-02-01', i + 100) }));
    const infants = [0, 1].map((i): PlacedSpec => ({ id: `i${i}`, start: plusDays('2026-03-01', i), placementType: 'U6', ageAtRequest: 3, end: plusDays('2026-03-01', i + 50) }));
    const model = learn([...teenagers, ...infants], asOf);
    expect(curveFor(model, 'U4', '12-15').days).toEqual([100]);
    expect(curveFor(model, 'U4', '12-15')).toBe(model.curves.get('U4 12-15'));
    // U6 has two ends: too few for its own curve, so it takes every placement's.
    expect(curveFor(model, 'U6', '0-4')).toBe(model.curves.get(ALL_PLACEMENTS));
    expect(summariseRangeModel(model).durations.map((g) => [g.group, g.ended, g.medianDays])).toEqual([['all', 10, 100], ['U4', 8, 100], ['U4 12-15', 8, 100]]);
  });

  it('learns lengths only from the year before the as-of date, each placement counted from its age then', () => {
    // Ended long ago: outside the window, it says nothing. Running since 2024: at risk only from its age a year ago.
    const model = learn([{ id: 'old', start: '2024-01-01', end: '2024-03-01' }, { id: 'long', start: '2024-06-01' }, { id: 'new', start: '2026-06-01', end: '2026-07-01' }], '2026-11-01');
    const all = model.curves.get(ALL_PLACEMENTS);
    expect(all).toMatchObject({ placements: 2, ended: 1, days: [30] });
    // At 30 days only the new one is at risk (the long one entered at 518 days): 1 of 1 ends.
    expect(all?.surviving).toEqual([0]);
  });

  it('keeps an earlier state\u2019s curves and demand when their inputs are equal, and learns them again when not', () => {
    const specs: PlacedSpec[] = Array.from({ length: 30 }, (_, i) => ({ id: `k${i}`, start: plusDays('2025-10-01', 11 * i), end: i % 3 === 0 ? plusDays('2025-10-01', 11 * i + 90) : undefined }));
    const earlier = learn(specs, '2026-11-01');
    // A rate change from the as-of date on: no length, start or first rate moves.
    const changed = specs.map((s, i) => (i === 4 ? { ...s, rateChange: { from: '2026-11-01', weeklyRatePence: 90_000 } } : s));
    const next = learnRangeModel(externalPlacements(changed.map(placedFor)), d('2026-11-01'), earlier);
    expect(next.curves).toBe(earlier.curves);
    expect(next.newDemand).toBe(earlier.newDemand);
    expect(next).toEqual(learn(changed, '2026-11-01'));
    // An end: the curves are learned again, and equal those learned afresh.
    const ended = specs.map((s, i) => (i === 4 ? { ...s, end: '2026-10-20' } : s));
    const after = learnRangeModel(externalPlacements(ended.map(placedFor)), d('2026-11-01'), earlier);
    expect(after.curves).not.toBe(earlier.curves);
    expect(after.demandFactors).toBe(earlier.demandFactors);
    expect(after).toEqual(learn(ended, '2026-11-01'));
  });
});

import { drawLength, kaplanMeier, medianLength, survivingAt } from './survival';

describe('a Kaplan–Meier survival curve', () => {
  // Five placements: ended at 10 days, still running at 20, two ended at 30, still running at 40.
  const curve = kaplanMeier([
    { days: 30, ended: true }, { days: 10, ended: true }, { days: 40, ended: false }, { days: 20, ended: false }, { days: 30, ended: true },
  ]);

  it('steps only where placements ended, each step the share of those still at risk that ended', () => {
    // Day 10: 1 of 5 ends, 4/5 left. Day 30: 2 of the 3 still at risk end (the one censored at 20 has left), 4/5 × 1/3.
    expect(curve.days).toEqual([10, 30]);
    expect(curve.surviving[0]).toBeCloseTo(0.8, 12);
    expect(curve.surviving[1]).toBeCloseTo(4 / 15, 12);
    expect(curve).toMatchObject({ placements: 5, ended: 3 });
  });

  it('reads the share still running at an age', () => {
    expect(survivingAt(curve, 9)).toBe(1);
    expect(survivingAt(curve, 10)).toBeCloseTo(0.8, 12);
    expect(survivingAt(curve, 29)).toBeCloseTo(0.8, 12);
    expect(survivingAt(curve, 30)).toBeCloseTo(4 / 15, 12);
    expect(medianLength(curve)).toBe(30);
  });

  it('draws a length by inverting the survival, given the age already reached', () => {
    expect(drawLength(curve, 0, 0.9)).toBe(10); // 0.8 <= 0.9
    expect(drawLength(curve, 0, 0.5)).toBe(30); // 0.8 > 0.5 >= 4/15
    expect(drawLength(curve, 0, 0.1)).toBeUndefined(); // beyond the last end: outlasts what was seen
    // At 15 days old the end at 10 is past: the share at risk is 0.8 and 0.4 of it is reached at 30.
    expect(drawLength(curve, 15, 0.5)).toBe(30);
    expect(drawLength(curve, 30, 0.99)).toBeUndefined();
  });

  it('counts a placement observed from a later age as at risk only from then (left truncation)', () => {
    // Without the late entry, day 10 would see 1 end in 3 at risk (2/3 left); with it, 1 in 2.
    const truncated = kaplanMeier([{ days: 10, ended: true }, { days: 30, ended: true, entry: 20 }, { days: 40, ended: false }]);
    expect(truncated.surviving[0]).toBeCloseTo(0.5, 12);
    // Day 30: the late one and the one running to 40 are at risk; one ends: 0.5 × 0.5.
    expect(truncated.surviving[1]).toBeCloseTo(0.25, 12);
    expect(kaplanMeier([{ days: 10, ended: true }, { days: 30, ended: true }, { days: 40, ended: false }]).surviving[0]).toBeCloseTo(2 / 3, 12);
  });

  it('is flat at 1 when nothing has ended', () => {
    const none = kaplanMeier([{ days: 5, ended: false }]);
    expect(none).toMatchObject({ days: [], surviving: [], ended: 0 });
    expect(drawLength(none, 0, 0.3)).toBeUndefined();
    expect(medianLength(none)).toBeUndefined();
  });
});

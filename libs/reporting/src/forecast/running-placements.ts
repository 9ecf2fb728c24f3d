import type { SeededRandom } from './seeded-random';
import { drawFrom, type Conditioned } from './survival';
import type { CostAhead } from './cost-ahead';

/**
 * A cost centre with more running placements than this has their sum drawn from a normal of the sum's
 * exact mean and variance rather than placement by placement: the placements are independent given
 * the curves, so by the central limit theorem the two agree (tested to within 1% at P10, P50 and P90),
 * and a national ledger's range costs milliseconds instead of a second.
 */
export const EXACT_UP_TO = 100;

/** A placement with no recorded end, ready to simulate. */
export interface Running {
  readonly centre: number;
  /** Its survival curve, given the age it has reached. */
  readonly curve: Conditioned;
  /** Days from its start to where its cost ahead begins (0 for one that starts after the as-of date). */
  readonly age: number;
  /** Days from the as-of date to where its cost ahead begins. */
  readonly lead: number;
  /** Days from there to the year end. */
  readonly span: number;
  readonly cost: CostAhead;
}

/** Its cost when it runs `days` more days, its rate drifting from the as-of date on. */
const costOf = (r: Running, days: number, drift: number) => r.cost.upTo(days) * (1 + drift * (r.lead + days / 2));

/**
 * One placement's cost ahead summed over its curve's later ends, as polynomials in the drift `d`: the
 * mean is m0 + d·m1 and the mean square s0 + 2d·s1 + d²·s2, since each outcome's cost is u·(1 + d·k)
 * with u its cost at today's rates and k = lead + days/2. So the moments follow a change in the drift
 * (any write that moves the rates' history) without summing over the curve again.
 */
interface Sums { readonly m0: number; readonly m1: number; readonly s0: number; readonly s1: number; readonly s2: number }

function sumsOf(r: Running): Sums {
  const { curve, from, share } = r.curve;
  let m0 = 0; let m1 = 0; let s0 = 0; let s1 = 0; let s2 = 0;
  const add = (p: number, days: number) => {
    const u = r.cost.upTo(days);
    const k = r.lead + days / 2;
    m0 += p * u; m1 += p * u * k; s0 += p * u * u; s1 += p * u * u * k; s2 += p * u * u * k * k;
  };
  let before = share;
  for (let j = from; j < curve.days.length && curve.days[j] - r.age < r.span; j++) {
    add((before - curve.surviving[j]) / share, curve.days[j] - r.age);
    before = curve.surviving[j];
  }
  add(before / share, r.span); // still running at the year end
  return { m0, m1, s0, s1, s2 };
}

/** Each placement's sums for the curve it was last given: a placement's cost ahead is one object while its state lives. */
const sumsKept = new WeakMap<CostAhead, { readonly curve: Running['curve']['curve']; readonly sums: Sums }>();

/** The mean and variance of one placement's cost ahead, its rate drifting by `drift` a day. */
function moments(r: Running, drift: number): { mean: number; variance: number } {
  let kept = sumsKept.get(r.cost);
  if (kept === undefined || kept.curve !== r.curve.curve) {
    kept = { curve: r.curve.curve, sums: sumsOf(r) };
    sumsKept.set(r.cost, kept);
  }
  const { m0, m1, s0, s1, s2 } = kept.sums;
  const mean = m0 + drift * m1;
  return { mean, variance: Math.max(0, s0 + 2 * drift * s1 + drift * drift * s2 - mean * mean) };
}

/** The running placements of every cost centre, one simulated year at a time. */
export class RunningPlacements {
  private readonly exact: Running[] = [];
  private readonly normal: { readonly centre: number; readonly mean: number; readonly sd: number }[] = [];

  constructor(all: readonly Running[], centres: number, private readonly drift: number, exactUpTo = EXACT_UP_TO) {
    const byCentre = Array.from({ length: centres }, () => [] as Running[]);
    for (const r of all) byCentre[r.centre].push(r);
    byCentre.forEach((list, centre) => {
      if (list.length <= exactUpTo) { this.exact.push(...list); return; }
      let mean = 0;
      let variance = 0;
      for (const r of list) { const m = moments(r, drift); mean += m.mean; variance += m.variance; }
      this.normal.push({ centre, mean, sd: Math.sqrt(variance) });
    });
  }

  /** Adds one simulated year's cost ahead of every running placement to its cost centre's figure. */
  simulate(random: SeededRandom, byCentre: number[]): void {
    for (const r of this.exact) {
      const length = drawFrom(r.curve, random.next());
      byCentre[r.centre] += costOf(r, length === undefined ? r.span : Math.min(length - r.age, r.span), this.drift);
    }
    for (const n of this.normal) byCentre[n.centre] += n.mean + n.sd * random.normal();
  }
}

import { addDays, daysBetween, type LocalDate } from '@ledger/domain';
import { curveFor, type RangeModel } from './range-model';
import { SeededRandom, seedOf } from './seeded-random';
import { conditionOn, drawFrom, type Conditioned } from './survival';

/**
 * A year with at least this many new commissions in a cost centre has their cost drawn as one normal of
 * that many placements' mean and variance (central limit theorem) instead of one by one.
 */
export const SUMMED_FROM = 50;
const MOMENT_SAMPLES = 20_000;

/** A recent commission a new one may follow, ready to simulate: its curve, its rate and how old that rate is. */
interface Pattern { readonly curve: Conditioned; readonly weeklyRatePence: number; readonly daysBeforeCut: number }

/**
 * New commissions in the rest of the year, one simulated year at a time. Per cost centre, the rate of
 * new commissions per (month-weighted) day is drawn from a gamma of the look-back window's count, so
 * a rate learned from few commissions varies as much as it could; the number that arrive is Poisson
 * at that rate over the days left, each day weighted by its calendar month's demand factor. Each new
 * placement follows a random recent commission of the cost centre (type, age band, first rate, drifted
 * to its start) and lasts a length drawn from that type and age band's survival curve.
 */
export class Arrivals {
  private readonly days: number;
  /** Cumulative demand weight of the days left: entry i is the weight of days 0..i after the as-of date. */
  private readonly weight: number[] = [];
  private readonly patterns = new Map<string, readonly Pattern[]>();
  private readonly moments = new Map<string, { readonly mean: number; readonly variance: number }>();

  constructor(private readonly model: RangeModel, cut: LocalDate, yearEnd: LocalDate, private readonly summedFrom = SUMMED_FROM) {
    this.days = Math.max(0, daysBetween(cut, yearEnd));
    let sum = 0;
    for (let i = 0; i < this.days; i++) this.weight.push((sum += model.demandFactors[Number(addDays(cut, i).slice(5, 7)) - 1]));
    for (const [costCentre, demand] of Object.entries(model.newDemand)) {
      this.patterns.set(costCentre, demand.templates.map((t) => ({
        curve: conditionOn(curveFor(model, t.placementType, t.ageBand), 0), weeklyRatePence: t.weeklyRatePence, daysBeforeCut: daysBetween(t.startDate, cut),
      })));
    }
  }

  /** The net cost, in fractional pence, of one simulated year's new commissions for a cost centre. */
  simulate(random: SeededRandom, costCentre: string): number {
    const demand = this.model.newDemand[costCentre];
    const patterns = this.patterns.get(costCentre) ?? [];
    if (demand === undefined || demand.commissions === 0 || demand.weightedWindowDays <= 0 || this.days === 0 || patterns.length === 0) return 0;
    const perDay = random.gamma(demand.commissions) / demand.weightedWindowDays;
    const count = random.poisson(perDay * this.weight[this.days - 1]);
    if (count >= this.summedFrom) {
      const { mean, variance } = this.momentsOf(costCentre, patterns);
      return count * mean + Math.sqrt(count * variance) * random.normal();
    }
    let cost = 0;
    for (let n = 0; n < count; n++) cost += this.one(random, patterns);
    return cost;
  }

  /** One new placement's cost: its start day, its pattern, its length and its drifted rate drawn. */
  private one(random: SeededRandom, patterns: readonly Pattern[]): number {
    const drift = this.model.dailyRateDrift;
    const day = this.dayFor(random.next() * this.weight[this.days - 1]);
    const pattern = patterns[Math.floor(random.next() * patterns.length)];
    const length = drawFrom(pattern.curve, random.next());
    const days = length === undefined ? this.days - day : Math.min(length, this.days - day);
    const weekly = pattern.weeklyRatePence * (1 + drift * (pattern.daysBeforeCut + day));
    return ((weekly * days) / 7) * (1 + (drift * days) / 2);
  }

  /** The mean and variance of one new placement's cost, from `MOMENT_SAMPLES` draws of a generator of its own. */
  private momentsOf(costCentre: string, patterns: readonly Pattern[]): { mean: number; variance: number } {
    const kept = this.moments.get(costCentre);
    if (kept !== undefined) return kept;
    const random = new SeededRandom(seedOf(`arrivals/${costCentre}`));
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < MOMENT_SAMPLES; i++) { const x = this.one(random, patterns); sum += x; squares += x * x; }
    const mean = sum / MOMENT_SAMPLES;
    const found = { mean, variance: Math.max(0, squares / MOMENT_SAMPLES - mean * mean) };
    this.moments.set(costCentre, found);
    return found;
  }

  /** The first day whose cumulative weight reaches `target`. */
  private dayFor(target: number): number {
    let low = 0;
    let high = this.days - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.weight[mid] >= target) high = mid; else low = mid + 1;
    }
    return low;
  }
}

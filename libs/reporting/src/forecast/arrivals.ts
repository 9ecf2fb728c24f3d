import { addDays, daysBetween, type LocalDate } from '@ledger/domain';
import { curveFor, type RangeModel } from './range-model';
import type { SeededRandom } from './seeded-random';
import { drawLength, type SurvivalCurve } from './survival';

/** A recent commission a new one may follow, ready to simulate: its curve, its rate and how old that rate is. */
interface Pattern { readonly curve: SurvivalCurve; readonly weeklyRatePence: number; readonly daysBeforeCut: number }

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

  constructor(private readonly model: RangeModel, cut: LocalDate, yearEnd: LocalDate) {
    this.days = Math.max(0, daysBetween(cut, yearEnd));
    let sum = 0;
    for (let i = 0; i < this.days; i++) this.weight.push((sum += model.demandFactors[Number(addDays(cut, i).slice(5, 7)) - 1]));
    for (const [costCentre, demand] of Object.entries(model.newDemand)) {
      this.patterns.set(costCentre, demand.templates.map((t) => ({
        curve: curveFor(model, t.placementType, t.ageBand), weeklyRatePence: t.weeklyRatePence, daysBeforeCut: daysBetween(t.startDate, cut),
      })));
    }
  }

  /** The net cost, in fractional pence, of one simulated year's new commissions for a cost centre. */
  simulate(random: SeededRandom, costCentre: string): number {
    const demand = this.model.newDemand[costCentre];
    const patterns = this.patterns.get(costCentre) ?? [];
    if (demand === undefined || demand.commissions === 0 || demand.weightedWindowDays <= 0 || this.days === 0 || patterns.length === 0) return 0;
    const total = this.weight[this.days - 1];
    const perDay = random.gamma(demand.commissions) / demand.weightedWindowDays;
    const count = random.poisson(perDay * total);
    const drift = this.model.dailyRateDrift;
    let cost = 0;
    for (let n = 0; n < count; n++) {
      const day = this.dayFor(random.next() * total);
      const pattern = patterns[Math.floor(random.next() * patterns.length)];
      const length = drawLength(pattern.curve, 0, random.next());
      const days = length === undefined ? this.days - day : Math.min(length, this.days - day);
      const weekly = pattern.weeklyRatePence * (1 + drift * (pattern.daysBeforeCut + day));
      cost += ((weekly * days) / 7) * (1 + (drift * days) / 2);
    }
    return cost;
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

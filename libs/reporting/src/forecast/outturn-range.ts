import {
  costTimelineOf, daysBetween, financialYearRange, maxDate, minDate, pence, periodCost, type FinancialYear, type LocalDate, type Pence,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { externalPlacements } from '../returns/build-return';
import { Arrivals } from './arrivals';
import { CostAhead } from './cost-ahead';
import { buildForecast, type Forecast } from './forecast';
import type { RagThresholds } from './rag';
import { curveFor, learnRangeModel, startingAgeBand, summariseRangeModel, type RangeModelSummary } from './range-model';
import { SeededRandom, seedOf } from './seeded-random';
import { drawLength, type SurvivalCurve } from './survival';

/** Simulated years per range: enough that P10 and P90 move by well under 1% between seeds on the demo council. */
export const RANGE_RUNS = 500;

export interface Percentiles { readonly p10Pence: Pence; readonly p50Pence: Pence; readonly p90Pence: Pence }

export interface OutturnRange extends Percentiles {
  readonly runs: number;
  /** The simulation's seed: fixed by the year and the as-of date, so the same `asAt` gives the same range. */
  readonly seed: number;
  readonly costCentres: Readonly<Record<string, Percentiles>>;
  /** What it was simulated from: the survival curves, new demand by month and the rates' drift. */
  readonly model: RangeModelSummary;
}

/** A placement with no recorded end: where its cost starts, how old it is then, its survival curve and costs ahead. */
interface Running {
  readonly centre: number;
  readonly curve: SurvivalCurve;
  /** Days from its start to where its cost ahead begins (0 for one that starts after the as-of date). */
  readonly age: number;
  /** Days from the as-of date to where its cost ahead begins. */
  readonly lead: number;
  /** Days from there to the year end. */
  readonly span: number;
  readonly cost: CostAhead;
}

/**
 * The projected outturn as a range, by simulating the rest of the year `RANGE_RUNS` times from a model
 * learned from the ledger before the as-of date (docs/forecast-method.md). Each placement with no
 * recorded end runs for a length drawn from the survival curve of its type and the child's age band,
 * given how long it has run; new commissions arrive at the look-back rate (itself drawn, for the
 * uncertainty in learning it from few commissions), more or fewer by calendar month, each like a
 * recent one; rates drift as they have. The actual to date and recorded ends are the same in every
 * run. Percentiles by nearest rank.
 */
export function buildOutturnRange(ledger: LedgerAsAt, year: FinancialYear, asOf: LocalDate): OutturnRange {
  // The same ledger object (nothing recorded since) answers from what was simulated for it.
  const key = `${year}/${asOf}`;
  const kept = rangesOf.get(ledger) ?? new Map<string, OutturnRange>();
  rangesOf.set(ledger, kept);
  const found = kept.get(key);
  if (found !== undefined) return found;
  const range = simulateOutturns(ledger, year, asOf);
  kept.set(key, range);
  return range;
}

/** Ranges already simulated, per ledger (held only while the ledger is). */
const rangesOf = new WeakMap<LedgerAsAt, Map<string, OutturnRange>>();

function simulateOutturns(ledger: LedgerAsAt, year: FinancialYear, asOf: LocalDate): OutturnRange {
  const { start: yearStart, end: yearEnd } = financialYearRange(year);
  const cut = minDate(maxDate(asOf, yearStart), yearEnd);
  const placements = externalPlacements(ledger.placements);
  const model = learnRangeModel(placements, asOf);
  const centres = [...new Set([...placements.map((p) => p.costCentre), ...Object.keys(model.newDemand)])].sort();
  const index = new Map(centres.map((c, i) => [c, i]));
  const certain = new Array<number>(centres.length).fill(0);
  const running: Running[] = [];
  for (const p of placements) {
    const timeline = costTimelineOf(p);
    const centre = index.get(p.costCentre) as number;
    certain[centre] += periodCost(timeline, yearStart, cut).netPence;
    if (p.endDate !== undefined) { certain[centre] += periodCost(timeline, cut, maxDate(cut, minDate(p.endDate, yearEnd))).netPence; continue; }
    const from = maxDate(cut, p.startDate);
    if (from >= yearEnd) continue;
    running.push({ centre, curve: curveFor(model, p.placementType, startingAgeBand(p)), age: daysBetween(p.startDate, from),
      lead: daysBetween(cut, from), span: daysBetween(from, yearEnd), cost: new CostAhead(timeline, from, yearEnd) });
  }
  const arrivals = new Arrivals(model, cut, yearEnd);
  const seed = seedOf(`${year}/${asOf}`);
  const random = new SeededRandom(seed);
  const drift = model.dailyRateDrift;
  const outturns = centres.map(() => [] as number[]);
  const totals: number[] = [];
  for (let run = 0; run < RANGE_RUNS; run++) {
    const byCentre = [...certain];
    for (const r of running) {
      const length = drawLength(r.curve, r.age, random.next());
      const days = length === undefined ? r.span : Math.min(length - r.age, r.span);
      byCentre[r.centre] += r.cost.upTo(days) * (1 + drift * (r.lead + days / 2));
    }
    centres.forEach((c, i) => { byCentre[i] += arrivals.simulate(random, c); });
    let total = 0;
    byCentre.forEach((value, i) => { const whole = Math.round(value); outturns[i].push(whole); total += whole; });
    totals.push(total);
  }
  return {
    runs: RANGE_RUNS, seed, ...percentiles(totals),
    costCentres: Object.fromEntries(centres.map((c, i) => [c, percentiles(outturns[i])])),
    model: summariseRangeModel(model),
  };
}

/** Nearest-rank percentiles of whole pence. */
function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number) => pence(sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]);
  return { p10Pence: rank(0.1), p50Pence: rank(0.5), p90Pence: rank(0.9) };
}

/** The forecast with its range: what `GET /api/forecast` answers. */
export type ForecastWithRange = Forecast & { readonly range: OutturnRange };

export function buildForecastWithRange(ledger: LedgerAsAt, year: FinancialYear, asOf: LocalDate, thresholds: RagThresholds): ForecastWithRange {
  return { ...buildForecast(ledger, year, asOf, thresholds), range: buildOutturnRange(ledger, year, asOf) };
}

import {
  costTimelineOf, daysBetween, financialYearRange, maxDate, minDate, pence, periodCost, type FinancialYear, type LocalDate, type Pence,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { PlacementMemo } from '../placement-memo';
import { externalPlacements, placementStates, type Placed } from '../returns/build-return';
import { Arrivals, SUMMED_FROM } from './arrivals';
import { CostAhead } from './cost-ahead';
import { buildForecast, type Forecast } from './forecast';
import type { RagThresholds } from './rag';
import type { AgeBand } from '../decision-support/age-band';
import { curveFor, learnRangeModel, startingAgeBand, summariseRangeModel, type RangeModel, type RangeModelSummary } from './range-model';
import { SeededRandom, seedOf } from './seeded-random';
import { EXACT_UP_TO, RunningPlacements, type Running } from './running-placements';
import { conditionOn, type SurvivalCurve } from './survival';

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

/** Above these counts a cost centre's sums are drawn as normals of their exact moments (see each constant). */
export interface SamplingLimits { readonly runningPerCentre: number; readonly arrivalsPerCentre: number }
const LIMITS: SamplingLimits = { runningPerCentre: EXACT_UP_TO, arrivalsPerCentre: SUMMED_FROM };

/**
 * The projected outturn as a range, by simulating the rest of the year `RANGE_RUNS` times from a model
 * learned from the ledger before the as-of date (docs/forecast-method.md). Each placement with no
 * recorded end runs for a length drawn from the survival curve of its type and the child's age band,
 * given how long it has run; new commissions arrive at the look-back rate (itself drawn, for the
 * uncertainty in learning it from few commissions), more or fewer by calendar month, each like a
 * recent one; rates drift as they have. The actual to date and recorded ends are the same in every
 * run. A cost centre with many running placements, or many new ones in a run, has their sum drawn
 * as a normal of its exact mean and variance (`SamplingLimits`). Percentiles by nearest rank.
 */
export function buildOutturnRange(
  ledger: LedgerAsAt, year: FinancialYear, asOf: LocalDate, limits: SamplingLimits = LIMITS, kept: KeptRanges = KEPT,
): OutturnRange {
  // The same placements (nothing recorded since: the same fold, whatever instant it is read at) answer
  // from what was simulated for them; the range reads nothing else of the ledger.
  const key = `${year}/${asOf}/${limits.runningPerCentre}/${limits.arrivalsPerCentre}`;
  const owner: object = ledger.streams ?? ledger;
  const ranges = kept.ranges.get(owner) ?? new Map<string, OutturnRange>();
  kept.ranges.set(owner, ranges);
  const found = ranges.get(key);
  if (found !== undefined) return found;
  const range = simulateOutturns(ledger, year, asOf, limits, kept.learned(key));
  ranges.set(key, range);
  return range;
}

/** What was learned for one window (year, as-of date, limits) from the last state of the ledger simulated in it. */
interface Learned { readonly model: RangeModel; readonly arrivals: Arrivals }

/**
 * What ranges keep between calls: the ranges simulated per fold's placements (held only while they
 * are), and per window the model and new demand last simulated, from which the next state of the
 * ledger learns what it can keep (`learnRangeModel`; new demand's moments stay while its model does).
 * Only equal inputs are ever answered from what was kept, so a fresh `KeptRanges` gives the same range.
 */
export class KeptRanges {
  readonly ranges = new WeakMap<object, Map<string, OutturnRange>>();
  private readonly byWindow = new Map<string, Learned>();

  constructor(private readonly windowsKept = 8) {}

  /** The window's last model, and a way to keep the one learned now in its place (the last few windows stay). */
  learned(key: string): { readonly earlier?: Learned; keep(learned: Learned): void } {
    return {
      earlier: this.byWindow.get(key),
      keep: (learned) => {
        this.byWindow.delete(key);
        this.byWindow.set(key, learned);
        if (this.byWindow.size > this.windowsKept) this.byWindow.delete(this.byWindow.keys().next().value as string);
      },
    };
  }
}

const KEPT = new KeptRanges();

function simulateOutturns(
  ledger: LedgerAsAt, year: FinancialYear, asOf: LocalDate, limits: SamplingLimits, window: ReturnType<KeptRanges['learned']>,
): OutturnRange {
  const { start: yearStart, end: yearEnd } = financialYearRange(year);
  const cut = minDate(maxDate(asOf, yearStart), yearEnd);
  const placements = externalPlacements(placementStates(ledger));
  const { earlier } = window;
  const model = learnRangeModel(placements, asOf, earlier?.model);
  // Named without lists the length of the ledger (see placementStates).
  const named = new Set(Object.keys(model.newDemand));
  for (const p of placements) named.add(p.costCentre);
  const centres = [...named].sort();
  const index = new Map(centres.map((c, i) => [c, i]));
  const certain = new Array<number>(centres.length).fill(0);
  const running: Running[] = [];
  const partOf = parts.window(`${year}/${asOf}`);
  for (const p of placements) {
    const part = partOf(p, () => partOfPlacement(p, yearStart, cut, yearEnd));
    const centre = index.get(p.costCentre) as number;
    certain[centre] += part.certainPence;
    if (part.ahead !== undefined) running.push(runningOf(part.ahead, centre, curveFor(model, p.placementType, part.ahead.ageBand)));
  }
  const ahead = new RunningPlacements(running, centres.length, model.dailyRateDrift, limits.runningPerCentre);
  const arrivals = earlier !== undefined && sameDemandModel(earlier.model, model) ? earlier.arrivals : new Arrivals(model, cut, yearEnd, limits.arrivalsPerCentre);
  window.keep({ model, arrivals });
  const seed = seedOf(`${year}/${asOf}`);
  const random = new SeededRandom(seed);
  const outturns = centres.map(() => [] as number[]);
  const totals: number[] = [];
  for (let run = 0; run < RANGE_RUNS; run++) {
    const byCentre = [...certain];
    ahead.simulate(random, byCentre);
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

/** New demand is simulated from the curves, demand and drift alone. */
const sameDemandModel = (a: RangeModel, b: RangeModel) =>
  a.curves === b.curves && a.newDemand === b.newDemand && a.demandFactors === b.demandFactors && a.dailyRateDrift === b.dailyRateDrift;

/** One placement's part of the range for a year and as-of date: worked out once while its state lives. */
interface PlacementPart {
  /** The actual to date, and to its recorded end if it has one. */
  readonly certainPence: number;
  /** With no recorded end: what is needed to simulate it, bar its curve (which moves with the model). */
  readonly ahead?: Ahead;
}

type Ahead = Omit<Running, 'centre' | 'curve'> & { readonly ageBand: AgeBand };

const parts = new PlacementMemo<PlacementPart>();

function partOfPlacement(p: Placed, yearStart: LocalDate, cut: LocalDate, yearEnd: LocalDate): PlacementPart {
  const timeline = costTimelineOf(p);
  const toDate = periodCost(timeline, yearStart, cut).netPence;
  if (p.endDate !== undefined) return { certainPence: toDate + periodCost(timeline, cut, maxDate(cut, minDate(p.endDate, yearEnd))).netPence };
  const from = maxDate(cut, p.startDate);
  if (from >= yearEnd) return { certainPence: toDate };
  return { certainPence: toDate, ahead: { ageBand: startingAgeBand(p), age: daysBetween(p.startDate, from), lead: daysBetween(cut, from), span: daysBetween(from, yearEnd), cost: new CostAhead(timeline, from, yearEnd) } };
}

/** A running placement ready to simulate, kept with its part while its curve and cost centre's place stay. */
function runningOf(ahead: Ahead, centre: number, curve: SurvivalCurve): Running {
  const kept = runningKept.get(ahead);
  if (kept !== undefined && kept.centre === centre && kept.curve.curve === curve) return kept;
  const running: Running = { centre, curve: conditionOn(curve, ahead.age), age: ahead.age, lead: ahead.lead, span: ahead.span, cost: ahead.cost };
  runningKept.set(ahead, running);
  return running;
}

const runningKept = new WeakMap<Ahead, Running>();

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

import {
  addDays, addPence, costTimelineOf, daysBetween, financialYearRange, maxDate, minDate, pence, periodCost, roundHalfUpDiv, ZERO,
  type FinancialYear, type LocalDate, type Pence,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { externalPlacements, type Placed } from '../returns/build-return';
import { SeededRandom, seedOf } from './seeded-random';
import { buildForecast, toCome, type Forecast } from './forecast';
import type { RagThresholds } from './rag';
import { LOOKBACK_DAYS, type TrendModel } from './trend-model';

/** Simulated years per range: enough that P10 and P90 move by well under 1% between seeds on the demo council. */
export const RANGE_RUNS = 500;

export interface Percentiles { readonly p10Pence: Pence; readonly p50Pence: Pence; readonly p90Pence: Pence }

export interface OutturnRange extends Percentiles {
  readonly runs: number;
  /** The simulation's seed: fixed by the year and the as-of date, so the same `asAt` gives the same range. */
  readonly seed: number;
  readonly costCentres: Readonly<Record<string, Percentiles>>;
}

/** One placement with no recorded end: its further terms' costs, cumulated (the k-th entry is k more terms). */
interface Renewable { readonly costCentre: string; readonly cumulative: readonly Pence[] }

/**
 * The projected outturn as a range, by simulating the rest of the year `RANGE_RUNS` times from the
 * trend model (docs/forecast-method.md): each placement without a recorded end runs its current term,
 * then renews term after term, each with the learned extension probability, until one is not renewed
 * or the year ends; new commissions arrive at random at the look-back rate, each at the mean starting
 * rate for a random (exponential) time of the learned mean duration. What is certain (the actual to
 * date, the current terms, recorded ends) is the same in every run. Percentiles by nearest rank.
 */
export function buildOutturnRange(ledger: LedgerAsAt, year: FinancialYear, asOf: LocalDate, model: TrendModel): OutturnRange {
  // The same ledger object (nothing recorded since) answers from what was simulated for it.
  const key = `${year}/${asOf}/${JSON.stringify(model)}`;
  const kept = rangesOf.get(ledger) ?? new Map<string, OutturnRange>();
  rangesOf.set(ledger, kept);
  const found = kept.get(key);
  if (found !== undefined) return found;
  const range = simulateOutturns(ledger, year, asOf, model);
  kept.set(key, range);
  return range;
}

/** Ranges already simulated, per ledger (held only while the ledger is). */
const rangesOf = new WeakMap<LedgerAsAt, Map<string, OutturnRange>>();

function simulateOutturns(ledger: LedgerAsAt, year: FinancialYear, asOf: LocalDate, model: TrendModel): OutturnRange {
  const { start: yearStart, end: yearEnd } = financialYearRange(year);
  const cut = minDate(maxDate(asOf, yearStart), yearEnd);
  const certain = new Map<string, Pence>();
  const renewable: Renewable[] = [];
  for (const p of externalPlacements(ledger.placements)) {
    const timeline = costTimelineOf(p);
    const known = addPence(periodCost(timeline, yearStart, cut).netPence, toCome(p, p.endDate === undefined ? 'committed' : 'continuing', cut, yearEnd));
    certain.set(p.costCentre, addPence(certain.get(p.costCentre) ?? ZERO, known));
    if (p.endDate === undefined) renewable.push({ costCentre: p.costCentre, cumulative: furtherTerms(p, cut, yearEnd, model) });
  }
  for (const costCentre of Object.keys(model.newDemand)) if (!certain.has(costCentre)) certain.set(costCentre, ZERO);
  const centres = [...certain.keys()].sort();
  const seed = seedOf(`${year}/${asOf}`);
  const random = new SeededRandom(seed);
  const p = model.extensionBasisPoints / 10_000;
  const remaining = daysBetween(cut, yearEnd);
  const outturns = new Map(centres.map((c) => [c, [] as number[]]));
  const totals: number[] = [];
  for (let run = 0; run < RANGE_RUNS; run++) {
    const byCentre = new Map(centres.map((c) => [c, certain.get(c) as number]));
    for (const r of renewable) {
      const terms = renewals(random, p, r.cumulative.length - 1);
      if (terms > 0) byCentre.set(r.costCentre, (byCentre.get(r.costCentre) as number) + r.cumulative[terms]);
    }
    for (const [costCentre, demand] of Object.entries(model.newDemand)) {
      byCentre.set(costCentre, (byCentre.get(costCentre) as number) + newDemand(random, demand, remaining));
    }
    let total = 0;
    for (const [c, value] of byCentre) { outturns.get(c)!.push(value); total += value; }
    totals.push(total);
  }
  return {
    runs: RANGE_RUNS, seed, ...percentiles(totals),
    costCentres: Object.fromEntries(centres.map((c) => [c, percentiles(outturns.get(c)!)])),
  };
}

/** The cumulative cost of each further term after the current one, to the year end: entry 0 is nothing. */
function furtherTerms(p: Placed, from: LocalDate, yearEnd: LocalDate, model: TrendModel): Pence[] {
  const length = model.extensionDays[p.placementType] ?? model.defaultExtensionDays;
  const timeline = costTimelineOf(p);
  const cumulative: Pence[] = [ZERO];
  for (let termStart = p.termEnd; termStart < yearEnd; termStart = addDays(termStart, length)) {
    const start = maxDate(termStart, from);
    const end = minDate(addDays(termStart, length), yearEnd);
    cumulative.push(addPence(cumulative[cumulative.length - 1], start < end ? periodCost(timeline, start, end).netPence : ZERO));
  }
  return cumulative;
}

/** How many further terms follow, each with probability p: geometric, at most `most`. */
function renewals(random: SeededRandom, p: number, most: number): number {
  if (most <= 0 || p <= 0) return 0;
  if (p >= 1) return most;
  return Math.min(most, Math.floor(Math.log(random.next()) / Math.log(p)));
}

/** New commissions in the days left: a Poisson number, each starting on a uniform day and lasting an exponential time. */
function newDemand(random: SeededRandom, demand: TrendModel['newDemand'][string], remainingDays: number): number {
  if (demand.commissions === 0 || remainingDays <= 0) return 0;
  const arrivals = random.poisson((demand.commissions * remainingDays) / LOOKBACK_DAYS);
  let days = 0;
  for (let i = 0; i < arrivals; i++) {
    const startsAfter = Math.floor(random.next() * remainingDays);
    const lasts = Math.max(1, Math.round(-Math.log(random.next()) * demand.meanDurationDays));
    days += Math.min(lasts, remainingDays - startsAfter);
  }
  return roundHalfUpDiv(days * demand.meanWeeklyRatePence, 7);
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
  const forecast = buildForecast(ledger, year, asOf, thresholds);
  return { ...forecast, range: buildOutturnRange(ledger, year, asOf, forecast.trendModel) };
}

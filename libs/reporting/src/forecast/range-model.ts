import { addDays, daysBetween, maxDate, type LocalDate, type Pence } from '@ledger/domain';
import { ageBandOf, ageOn, type AgeBand } from '../decision-support/age-band';
import type { Placed } from '../returns/build-return';
import { PlacementMemo } from '../placement-memo';
import { kaplanMeier, medianLength, type Observation, type SurvivalCurve } from './survival';
import { LOOKBACK_DAYS } from './trend-model';

/** A survival curve stands alone for a group once this many of its placements have ended; else the wider one. */
export const MIN_ENDS_PER_CURVE = 8;
/**
 * Lengths are learned from what placements did in the year before the as-of date (a period table, as
 * actuaries make them): each placement counts from its age when the year began. So the curves follow
 * recent experience, and placements migrated into a ledger long after they began (whose companions
 * that ended before the migration were never recorded) do not make every placement look long-lived.
 */
export const SURVIVAL_WINDOW_DAYS = 365;
/** New demand by calendar month is learned from at most the last three years. */
const SEASON_YEARS = 3;
/** Each month's rate is pulled towards the year's average as if it had this many more days at that average. */
const SEASON_PRIOR_DAYS = 60;
/** The drift is pulled towards none as if this many more placement-days had run with no change (ten placement-years). */
export const DRIFT_PRIOR_DAYS = 3650;

/** A recent commission, as a pattern a new one may follow: its type, the child's age band and its first rate. */
export interface DemandTemplate {
  readonly placementType: string;
  readonly ageBand: AgeBand;
  readonly weeklyRatePence: Pence;
  readonly startDate: LocalDate;
}

export interface CostCentreDemand {
  /** Commissions that started in the look-back window. */
  readonly commissions: number;
  /** The window's length in days, each weighted by its month's demand factor (so the rate is deseasonalised). */
  readonly weightedWindowDays: number;
  /** The window's commissions, as patterns for new ones (none: the cost centre expects none). */
  readonly templates: readonly DemandTemplate[];
}

/** What the range simulates from, all learned from what the ledger knew before the as-of date. */
export interface RangeModel {
  /** Survival curves by `type age-band`, by type and for all placements: see `curveFor`. */
  readonly curves: ReadonlyMap<string, SurvivalCurve>;
  /** New commissions' relative rate in each calendar month, January first; they average 1. */
  readonly demandFactors: readonly number[];
  /** The rates' drift per day: recorded rate changes relative to the rate they replaced, per placement-day run. */
  readonly dailyRateDrift: number;
  readonly newDemand: Readonly<Record<string, CostCentreDemand>>;
}

export const ALL_PLACEMENTS = 'all';
const groupKey = (placementType: string, ageBand: AgeBand) => `${placementType} ${ageBand}`;

/** The child's age band when the placement began. */
export const startingAgeBand = (p: Placed): AgeBand => ageBandOf(ageOn(p.request.ageAtRequest, p.request.requiredFrom, p.startDate));

/** The narrowest curve with enough ends: the type and age band's, else the type's, else every placement's. */
export function curveFor(model: RangeModel, placementType: string, ageBand: AgeBand): SurvivalCurve {
  return model.curves.get(groupKey(placementType, ageBand)) ?? model.curves.get(placementType) ?? (model.curves.get(ALL_PLACEMENTS) as SurvivalCurve);
}

/** What one placement tells the model as of a date: worked out once while its state lives (see PlacementMemo). */
interface Facts {
  readonly costCentre: string;
  /** Its length as known, when it ran in the survival window. */
  readonly observation?: Observation;
  /** The curves it counts in: all placements, its type, its type and age band. */
  readonly curves: readonly string[];
  readonly template: DemandTemplate;
  /** Its rate changes' relative sizes, added up, and the days it ran before the as-of date. */
  readonly rateChange: number;
  readonly daysRun: number;
}

const factsMemo = new PlacementMemo<Facts>();

function factsOf(p: Placed, asOf: LocalDate): Facts {
  const ended = p.endDate !== undefined && p.endDate <= asOf;
  const days = daysBetween(p.startDate, ended ? (p.endDate as LocalDate) : asOf);
  const entry = Math.max(0, daysBetween(p.startDate, addDays(asOf, -SURVIVAL_WINDOW_DAYS)));
  const ageBand = startingAgeBand(p);
  let rateChange = 0;
  p.rates.forEach((rate, i) => {
    if (i === 0 || rate.effectiveFrom <= p.startDate || rate.effectiveFrom >= asOf) return;
    rateChange += (rate.weeklyRatePence - p.rates[i - 1].weeklyRatePence) / p.rates[i - 1].weeklyRatePence;
  });
  return {
    costCentre: p.costCentre,
    ...(days > entry ? { observation: { days, ended, entry } } : {}),
    curves: [ALL_PLACEMENTS, p.placementType, groupKey(p.placementType, ageBand)],
    template: { placementType: p.placementType, ageBand, weeklyRatePence: p.rates[0].weeklyRatePence, startDate: p.startDate },
    rateChange, daysRun: days,
  };
}

/**
 * The model as of a date. Given the model learned for an earlier state of the ledger at the same date,
 * each part whose inputs are equal, placement by placement, is that model's part (the same curves, the
 * same demand): a write that changes no length, start or first rate (a review, an extension, a rate
 * change from today) learns only the rates' drift again. Equal inputs give equal parts, so an answer
 * never depends on whether a part was kept.
 */
export function learnRangeModel(placements: readonly Placed[], asOf: LocalDate, earlier?: RangeModel): RangeModel {
  // Usually every placement has started by the as-of date: then the list is the one given, not a copy of it.
  const started = placements.every((p) => p.startDate < asOf) ? placements : placements.filter((p) => p.startDate < asOf);
  const of = factsMemo.window(asOf);
  const facts = started.map((p) => of(p, () => factsOf(p, asOf)));
  const before = earlier === undefined ? undefined : learnedFrom.get(earlier);
  const alike = (same: (a: Facts, b: Facts) => boolean): boolean => before !== undefined && before.asOf === asOf
    && before.facts.length === facts.length && facts.every((f, i) => f === before.facts[i] || same(f, before.facts[i]));
  const kept = earlier as RangeModel;
  const demandFactors = alike(sameStart) ? kept.demandFactors : learnDemandFactors(started, asOf);
  const model: RangeModel = {
    curves: alike(sameLength) ? kept.curves : learnCurves(facts),
    demandFactors,
    dailyRateDrift: learnRateDrift(facts),
    newDemand: demandFactors === earlier?.demandFactors && alike(sameDemand) ? kept.newDemand : learnNewDemand(started, facts, asOf, demandFactors),
  };
  learnedFrom.set(model, { asOf, facts });
  return model;
}

/** What each model was learned from, to tell a later state's inputs from its own. */
const learnedFrom = new WeakMap<RangeModel, { readonly asOf: LocalDate; readonly facts: readonly Facts[] }>();

const sameStart = (a: Facts, b: Facts) => a.template.startDate === b.template.startDate;
const sameLength = (a: Facts, b: Facts) => a.curves[2] === b.curves[2] && a.observation?.days === b.observation?.days
  && a.observation?.ended === b.observation?.ended && a.observation?.entry === b.observation?.entry;
const sameDemand = (a: Facts, b: Facts) => sameStart(a, b) && a.costCentre === b.costCentre && a.template.placementType === b.template.placementType
  && a.template.ageBand === b.template.ageBand && a.template.weeklyRatePence === b.template.weeklyRatePence;

function learnCurves(facts: readonly Facts[]): Map<string, SurvivalCurve> {
  const groups = new Map<string, Observation[]>([[ALL_PLACEMENTS, []]]);
  for (const { observation, curves } of facts) {
    if (observation === undefined) continue;
    for (const key of curves) {
      const list = groups.get(key) ?? [];
      groups.set(key, list);
      list.push(observation);
    }
  }
  const curves = new Map<string, SurvivalCurve>();
  for (const [key, observations] of groups) {
    const curve = kaplanMeier(observations);
    if (key === ALL_PLACEMENTS || curve.ended >= MIN_ENDS_PER_CURVE) curves.set(key, curve);
  }
  return curves;
}

const monthOf = (date: LocalDate) => Number(date.slice(5, 7)) - 1;

/** The days of each calendar month in `[from, to)`. */
function daysByMonth(from: LocalDate, to: LocalDate): number[] {
  const days = new Array<number>(12).fill(0);
  for (let day = from; day < to; day = addDays(day, 1)) days[monthOf(day)] += 1;
  return days;
}

/**
 * Commissions per day in each calendar month over up to three years, each pulled towards the overall
 * rate by `SEASON_PRIOR_DAYS` of it, as factors of that rate: a month with no history is 1.
 */
function learnDemandFactors(started: readonly Placed[], asOf: LocalDate): number[] {
  const from = maxDate(addDays(asOf, -365 * SEASON_YEARS), firstStart(started, asOf));
  const exposure = daysByMonth(from, asOf);
  const counts = new Array<number>(12).fill(0);
  for (const p of started) if (p.startDate >= from) counts[monthOf(p.startDate)] += 1;
  const totalDays = exposure.reduce((a, b) => a + b, 0);
  const overall = totalDays === 0 ? 0 : counts.reduce((a, b) => a + b, 0) / totalDays;
  if (overall === 0) return new Array<number>(12).fill(1);
  return counts.map((count, m) => (count + SEASON_PRIOR_DAYS * overall) / (exposure[m] + SEASON_PRIOR_DAYS) / overall);
}

/**
 * Σ (new rate − old) / old over rate changes after the start, per placement-day run before `asOf`, with
 * `DRIFT_PRIOR_DAYS` of no change added, so a few changes on a young ledger do not read as a yearly trend.
 */
function learnRateDrift(facts: readonly Facts[]): number {
  let relativeChange = 0;
  let days = 0;
  for (const f of facts) { relativeChange += f.rateChange; days += f.daysRun; }
  return relativeChange / (days + DRIFT_PRIOR_DAYS);
}

function learnNewDemand(started: readonly Placed[], facts: readonly Facts[], asOf: LocalDate, factors: readonly number[]): Record<string, CostCentreDemand> {
  // The trend basis's window, whatever the ledger's age: a new ledger keyed in at once is not a surge in demand.
  const windowStart = addDays(asOf, -LOOKBACK_DAYS);
  const weightedWindowDays = daysByMonth(windowStart, asOf).reduce((sum, days, m) => sum + days * factors[m], 0);
  const recent = new Map<string, DemandTemplate[]>();
  started.forEach((p, i) => {
    const list = recent.get(p.costCentre) ?? [];
    recent.set(p.costCentre, list);
    if (p.startDate >= windowStart) list.push(facts[i].template);
  });
  return Object.fromEntries([...recent].sort(([a], [b]) => (a < b ? -1 : 1)).map(([costCentre, templates]) => [costCentre, {
    commissions: templates.length, weightedWindowDays, templates,
  }]));
}

const firstStart = (started: readonly Placed[], asOf: LocalDate): LocalDate =>
  started.reduce((earliest, p) => (p.startDate < earliest ? p.startDate : earliest), asOf);

/** What the range was simulated from, as the API and the pages show it. */
export interface RangeModelSummary {
  readonly durations: readonly { readonly group: string; readonly placements: number; readonly ended: number; readonly medianDays: number | null }[];
  /** New demand's factor per calendar month in basis points (10,000 = the average month), January first. */
  readonly demandByMonthBasisPoints: readonly number[];
  /** The rates' drift over a year, in basis points (100 = 1%). */
  readonly annualRateDriftBasisPoints: number;
}

export function summariseRangeModel(model: RangeModel): RangeModelSummary {
  return {
    durations: [...model.curves].sort(([a], [b]) => (a === ALL_PLACEMENTS ? -1 : b === ALL_PLACEMENTS ? 1 : a < b ? -1 : 1))
      .map(([group, curve]) => ({ group, placements: curve.placements, ended: curve.ended, medianDays: medianLength(curve) ?? null })),
    demandByMonthBasisPoints: model.demandFactors.map((f) => Math.round(f * 10_000)),
    annualRateDriftBasisPoints: Math.round(model.dailyRateDrift * 365 * 10_000),
  };
}

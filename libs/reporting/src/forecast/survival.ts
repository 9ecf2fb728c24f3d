/**
 * One placement's length as far as it is known: `days` from its start to its end, or to the as-of date
 * while it runs; `entry`, the age at which it came under observation (0 when it was seen from its start).
 */
export interface Observation {
  readonly days: number;
  readonly ended: boolean;
  readonly entry?: number;
}

/**
 * A Kaplan–Meier survival curve: after `days[i]` days from the start, a share `surviving[i]` of
 * placements is still running. Steps only where a placement ended. A placement counts as at risk only
 * between its entry and its last known day: one still running leaves the count at its age
 * (right-censored), so a young ledger is not read as one whose placements all end young; one observed
 * only from a later age joins the count then (left-truncated), so placements that had already lasted
 * long when observation began are not read as proof that every placement does.
 */
export interface SurvivalCurve {
  readonly placements: number;
  readonly ended: number;
  readonly days: readonly number[];
  readonly surviving: readonly number[];
}

export function kaplanMeier(observations: readonly Observation[]): SurvivalCurve {
  // Exits as 2 × days + 1 for an end, so one numeric sort of a typed array orders them (no comparator).
  const exits = Float64Array.from(observations, (o) => o.days * 2 + (o.ended ? 1 : 0)).sort();
  const entries = Float64Array.from(observations, (o) => o.entry ?? 0).sort();
  const days: number[] = [];
  const surviving: number[] = [];
  let entered = 0;
  let left = 0;
  let share = 1;
  let ended = 0;
  for (let i = 0; i < exits.length;) {
    const day = Math.floor(exits[i] / 2);
    // At risk on `day`: entered before it and not yet left.
    while (entered < entries.length && entries[entered] < day) entered += 1;
    let endedToday = 0;
    let leaving = 0;
    for (; i < exits.length && Math.floor(exits[i] / 2) === day; i++, leaving++) if (exits[i] % 2 === 1) endedToday += 1;
    const atRisk = entered - left;
    if (endedToday > 0 && atRisk > 0) {
      share *= 1 - Math.min(endedToday, atRisk) / atRisk;
      days.push(day);
      surviving.push(share);
      ended += endedToday;
    }
    left += leaving;
  }
  return { placements: exits.length, ended, days, surviving };
}

/** The share still running after `age` days: 1 before the first end. */
export function survivingAt(curve: SurvivalCurve, age: number): number {
  const i = lastIndexAtOrBefore(curve.days, age);
  return i < 0 ? 1 : curve.surviving[i];
}

/**
 * A length drawn from the curve for a placement already `age` days old, by inverting the survival
 * conditional on having lasted that long: the first end day after `age` where the share still running
 * falls to `uniform` × its share at `age`. Undefined when the draw lies beyond the curve's last end
 * (the placement outlasts everything the ledger has seen end): the caller runs it to the period's end.
 */
export function drawLength(curve: SurvivalCurve, age: number, uniform: number): number | undefined {
  return drawFrom(conditionOn(curve, age), uniform);
}

/** A curve given an age reached, for many draws: where its later ends begin and the share still running then. */
export interface Conditioned {
  readonly curve: SurvivalCurve;
  readonly from: number;
  readonly share: number;
}

export function conditionOn(curve: SurvivalCurve, age: number): Conditioned {
  const last = lastIndexAtOrBefore(curve.days, age);
  return { curve, from: last + 1, share: last < 0 ? 1 : curve.surviving[last] };
}

export function drawFrom({ curve, from, share }: Conditioned, uniform: number): number | undefined {
  const target = uniform * share;
  const { surviving, days } = curve;
  let low = from;
  let high = days.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (surviving[mid] <= target) high = mid; else low = mid + 1;
  }
  return low < days.length ? days[low] : undefined;
}

/** The median length, or undefined when half are still running at the curve's last end. */
export function medianLength(curve: SurvivalCurve): number | undefined {
  const i = curve.surviving.findIndex((share) => share <= 0.5);
  return i < 0 ? undefined : curve.days[i];
}

function lastIndexAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= value) low = mid + 1; else high = mid;
  }
  return low - 1;
}

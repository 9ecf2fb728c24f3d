import type { InHouseOption, LocalDate, Pence, PlacementCommand, Provider } from '@ledger/domain';
import { addDays, addWorkingDays, at, daysBetween, maxDate, minDate } from './dates';
import type { Prng } from './prng';
import { EMERGENCY_REASONS, IN_HOUSE_RESOURCES, UNPLANNED_END_REASONS } from './providers';

/** A command at the instant it would naturally be recorded. */
export interface StoryStep {
  readonly recordedAt: string;
  readonly command: PlacementCommand;
}

/**
 * How an external placement's story goes. `ended` ends by `targetEnd`; `overdue` leaves a past term
 * unreviewed; `dueSoon` has a current term ending within 7 days of today, unreviewed; `plannedEnd`
 * has an end in the future recorded today.
 */
export type PlanKind = 'active' | 'ended' | 'overdue' | 'dueSoon' | 'plannedEnd';

export interface ExternalPlan {
  readonly placementId: string;
  readonly kind: PlanKind;
  readonly start: string;
  readonly targetEnd?: string;
  readonly emergency: 'none' | 'ratified' | 'late';
  readonly costCentre: string;
  readonly placementType: string;
  readonly provider: Provider;
  readonly weeklyRatePence: number;
  readonly initialTermDays: number;
  readonly maxRatePence: number;
  readonly ageAtRequest: number;
  readonly needs: readonly string[];
  readonly endReason: string;
  readonly rateChange: boolean;
  readonly jointFunding?: { readonly contributor: string; readonly shareBasisPoints: number };
}

/** What the story settled, for sizing the budgets: rates by date and the end, if any. */
export interface PlacementOutcome {
  readonly plan: ExternalPlan;
  readonly rates: readonly { readonly from: string; readonly ratePence: number }[];
  readonly end?: string;
  readonly jointFunding?: { readonly shareBasisPoints: number; readonly effectiveFrom: string };
  readonly steps: readonly StoryStep[];
}

const d = (date: string) => date as LocalDate;
const p = (amount: number) => amount as Pence;
/** Rates are quoted to the 50p. */
const round50 = (pence: number) => Math.round(pence / 50) * 50;

export function requestCommand(rng: Prng, placementId: string, requested: string, requiredFrom: string,
  urgency: 'planned' | 'emergency', typeSought: string, ageAtRequest: number, needs: readonly string[]): PlacementCommand {
  return { type: 'RequestPlacement', data: {
    placementId, childRef: rng.childRef(), ageAtRequest, needs, placementTypeSought: typeSought, urgency,
    requiredFrom: d(requiredFrom), siblingGroupSize: needs.includes('sibling group placement') ? rng.int(2, 3) : 1,
  } };
}

/** The in-house options considered; one is `available` only when the request is met in-house. */
export function searchCommand(rng: Prng, searchedOn: string, available: boolean): PlacementCommand {
  const first = rng.int(0, IN_HOUSE_RESOURCES.length - 1);
  const options: InHouseOption[] = [
    { resource: IN_HOUSE_RESOURCES[first], outcome: available ? 'available' : 'unavailable', note: available ? 'Vacancy matched to needs' : 'No vacancy' },
    { resource: IN_HOUSE_RESOURCES[(first + 1) % IN_HOUSE_RESOURCES.length], outcome: 'unsuitable', note: 'Cannot meet assessed needs' },
  ];
  if (rng.chance(0.5)) options.push({ resource: IN_HOUSE_RESOURCES[(first + 2) % IN_HOUSE_RESOURCES.length], outcome: 'unavailable', note: 'Full' });
  return { type: 'RecordInHouseSearch', data: { searchedOn: d(searchedOn), options } };
}

/** Request, search, commission, then term by term: review, extension; rate change, joint funding, end. */
export function externalStory(rng: Prng, plan: ExternalPlan, today: string): PlacementOutcome {
  const steps: StoryStep[] = [];
  const add = (on: string, hour: number, command: PlacementCommand) => steps.push({ recordedAt: at(on, hour, rng.int(0, 59)), command });
  const emergency = plan.emergency !== 'none';
  const requested = emergency ? plan.start : addDays(plan.start, -rng.int(4, 12));
  add(requested, 9, requestCommand(rng, plan.placementId, requested, emergency ? plan.start : addDays(plan.start, -rng.int(0, 2)),
    emergency ? 'emergency' : 'planned', plan.placementType, plan.ageAtRequest, plan.needs));
  if (!emergency) {
    const searchedOn = addDays(requested, rng.int(1, 3));
    add(searchedOn, 10, searchCommand(rng, searchedOn, false));
  }
  add(plan.start, 11, { type: 'CommissionPlacement', data: {
    provider: plan.provider, placementType: plan.placementType, weeklyRatePence: p(plan.weeklyRatePence), startDate: d(plan.start),
    costCentre: plan.costCentre, ...(plan.initialTermDays === 28 ? {} : { initialTermDays: plan.initialTermDays }),
    ...(emergency ? { emergencyReason: rng.pick(EMERGENCY_REASONS) } : {}),
  } });
  if (emergency) {
    // Ratified within 1–4 working days, or (one of them) late, which the compliance report shows.
    const searchedOn = addWorkingDays(plan.start, plan.emergency === 'late' ? rng.int(8, 11) : rng.int(1, 4));
    add(searchedOn, 10, searchCommand(rng, searchedOn, false));
  }

  const rates = [{ from: plan.start, ratePence: plan.weeklyRatePence }];
  let rate = plan.weeklyRatePence;
  let termStart = plan.start;
  let termEnd = addDays(plan.start, plan.initialTermDays);
  let end: string | undefined;
  for (;;) {
    if (plan.kind === 'overdue' && termEnd <= today && termEnd > addDays(today, -40)) break;
    if (plan.kind === 'dueSoon' && termEnd > today) break;
    if (plan.kind === 'ended' && plan.targetEnd !== undefined && termEnd >= plan.targetEnd) {
      end = endFinalTerm(rng, plan, termStart, termEnd, today, add);
      break;
    }
    const lateAllowed = addDays(termEnd, 5) < minDate(plan.targetEnd ?? today, today);
    const reviewedOn = lateAllowed && rng.chance(0.07) ? addDays(termEnd, rng.int(1, 5)) : maxDate(termStart, addDays(termEnd, -rng.int(1, 6)));
    if (reviewedOn > today) break;
    add(reviewedOn, 12, { type: 'RecordFourWeekReview', data: { reviewedOn: d(reviewedOn), outcome: 'extend', notes: 'Placement meeting needs; care plan continues' } });
    let newTermEnd = addDays(termEnd, rng.pick([84, 84, 84, 91, 182]));
    const overdueTarget = addDays(today, -rng.int(5, 25));
    const dueTarget = addDays(today, rng.int(1, 7));
    if (plan.kind === 'overdue' && newTermEnd > addDays(today, -3) && overdueTarget > termEnd) newTermEnd = overdueTarget;
    if (plan.kind === 'dueSoon' && newTermEnd > addDays(today, 7) && dueTarget > termEnd) newTermEnd = dueTarget;
    const uplift = rng.chance(0.08) ? Math.min(plan.maxRatePence, round50(rate * 1.03)) : rate;
    add(reviewedOn, 13, { type: 'ExtendPlacement', data: {
      newTermEnd: d(newTermEnd), reason: 'Four-week review recommended the placement continues',
      ...(uplift === rate ? {} : { weeklyRatePence: p(uplift) }),
    } });
    if (uplift !== rate) rates.push({ from: termEnd, ratePence: (rate = uplift) });
    termStart = termEnd;
    termEnd = newTermEnd;
  }
  if (plan.kind === 'plannedEnd') {
    end = addDays(today, rng.int(10, 35));
    // A planned move home or to a special guardian; a move in-house would follow a step-down review.
    add(today, 16, { type: 'EndPlacement', data: { endDate: d(end), reason: plan.endReason === 'moved-in-house' ? 'E4A' : plan.endReason } });
  }

  const lastDay = minDate(end === undefined ? today : addDays(end, -1), today);
  const life = daysBetween(plan.start, lastDay);
  if (plan.rateChange && life > 20) {
    // Backdated: a correction from the start, or the provider's uplift from a later date.
    const effectiveFrom = rng.chance(0.3) ? plan.start : addDays(plan.start, rng.int(14, life));
    const inForce = [...rates].reverse().find((r) => r.from <= effectiveFrom)?.ratePence ?? plan.weeklyRatePence;
    let changed = Math.min(plan.maxRatePence, round50(inForce * 1.04));
    if (changed === inForce) changed = inForce - 1000;
    add(minDate(addDays(effectiveFrom, rng.int(7, 45)), today), 14, { type: 'ChangeRate', data: {
      effectiveFrom: d(effectiveFrom), weeklyRatePence: p(changed), reason: effectiveFrom === plan.start
        ? 'Correction: rate agreed at placement was keyed wrongly' : 'Provider annual uplift, agreed late (backdated)',
    } });
    rates.push({ from: effectiveFrom, ratePence: changed });
  }
  let jointFunding: PlacementOutcome['jointFunding'];
  if (plan.jointFunding !== undefined && life > 14) {
    const effectiveFrom = addDays(plan.start, rng.int(0, Math.min(60, life - 1)));
    jointFunding = { shareBasisPoints: plan.jointFunding.shareBasisPoints, effectiveFrom };
    add(minDate(addDays(effectiveFrom, rng.int(0, 20)), today), 15, { type: 'AgreeJointFunding', data: { ...plan.jointFunding, effectiveFrom: d(effectiveFrom) } });
  }
  return { plan, rates, end, jointFunding, steps };
}

/**
 * The term in which an ended placement ends: planned (a review decides to end or step down, and the
 * end is recorded that day, before it happens) or unplanned (a breakdown, recorded up to 9 days late).
 */
function endFinalTerm(rng: Prng, plan: ExternalPlan, termStart: string, termEnd: string, today: string,
  add: (on: string, hour: number, command: PlacementCommand) => void): string {
  const planned = termEnd < today && (plan.endReason === 'moved-in-house' || rng.chance(0.7));
  if (!planned) {
    const end = plan.targetEnd ?? termEnd;
    const reason = plan.endReason === 'moved-in-house' ? rng.pick(UNPLANNED_END_REASONS) : plan.endReason;
    add(minDate(addDays(end, rng.chance(0.3) ? rng.int(2, 9) : 0), today), 16, { type: 'EndPlacement', data: { endDate: d(end), reason } });
    return end;
  }
  const reviewedOn = maxDate(termStart, addDays(termEnd, -rng.int(1, 6)));
  const stepDown = plan.endReason === 'moved-in-house';
  add(reviewedOn, 12, { type: 'RecordFourWeekReview', data: {
    reviewedOn: d(reviewedOn), outcome: stepDown ? 'step-down-in-house' : 'end',
    notes: stepDown ? 'In-house carer now available; plan a move' : 'Care plan: placement to end at term end',
  } });
  const end = addDays(reviewedOn, rng.int(1, Math.max(1, daysBetween(reviewedOn, termEnd))));
  add(rng.chance(0.5) ? reviewedOn : end, 16, { type: 'EndPlacement', data: { endDate: d(end), reason: plan.endReason } });
  return end;
}

import type { LocalDate, Pence, PlacementCommand, Provider } from '@ledger/domain';
import { addDays, at, daysBetween, minDate, type Prng } from './prng';
import { CHILDRENS_HOMES, END_REASONS, FOSTERING_AGENCIES, IN_HOUSE_RESOURCES, NEEDS } from './providers';

export interface StoryStep {
  readonly recordedAt: string;
  readonly command: PlacementCommand;
}

/** What one external placement will be: the generator decides, the story writes it as commands. */
export interface ExternalPlan {
  readonly start: string;
  readonly emergency: 'none' | 'ratified' | 'late';
  readonly end?: string;
  readonly endReason?: string;
  /** Leave the last term that has ended unreviewed, so it shows as overdue. */
  readonly leaveOverdue: boolean;
  readonly costCentre: string;
  readonly placementType: string;
  readonly provider: Provider;
  readonly weeklyRatePence: number;
  readonly initialTermDays: number;
  readonly rateChange: boolean;
  readonly jointFunding?: { contributor: string; shareBasisPoints: number };
}

const d = (date: string) => date as LocalDate;
const p = (amount: number) => amount as Pence;

export function planExternal(rng: Prng, requested: string, today: string, costCentre: string): ExternalPlan {
  const residential = costCentre === 'CC-RES' || (costCentre === 'CC-DIS' && rng.chance(0.4));
  const emergency = rng.chance(0.08) ? (rng.chance(0.2) ? 'late' : 'ratified') : 'none';
  const start = emergency === 'none' ? addDays(requested, rng.int(2, 6)) : requested;
  const recent = daysBetween(start, today) < 200;
  const ends = !rng.chance(recent ? 0.85 : 0.22);
  const end = ends ? minDate(addDays(start, rng.int(20, 420)), addDays(today, rng.int(-60, 40))) : undefined;
  return {
    start, emergency, costCentre, leaveOverdue: false,
    end: end !== undefined && end > start ? end : undefined,
    endReason: rng.chance(0.1) ? 'moved-in-house' : rng.pick(END_REASONS),
    placementType: residential ? 'K2' : rng.pick(['U4', 'U6', 'U6']),
    provider: residential ? rng.pick(CHILDRENS_HOMES) : rng.pick(FOSTERING_AGENCIES),
    weeklyRatePence: residential ? rng.int(300, 500) * 1000 : rng.chance(0.9) ? rng.int(80, 140) * 1000 + rng.int(0, 99) * 10 : rng.int(200, 480) * 1000,
    initialTermDays: rng.chance(0.1) ? rng.pick([14, 21]) : 28,
    rateChange: rng.chance(0.12),
    jointFunding: rng.chance(0.07) ? { contributor: rng.pick(['health', 'education']), shareBasisPoints: rng.pick([2500, 3000, 5000]) } : undefined,
  };
}

export function requestSteps(rng: Prng, placementId: string, requested: string, urgency: 'emergency' | 'planned', typeSought: string): StoryStep[] {
  return [{ recordedAt: at(requested, 9, rng.int(0, 59)), command: { type: 'RequestPlacement', data: {
    placementId, childRef: rng.childRef(), ageAtRequest: rng.int(0, 17), needs: [rng.pick(NEEDS)], placementTypeSought: typeSought,
    urgency, requiredFrom: d(addDays(requested, urgency === 'emergency' ? 0 : rng.int(3, 10))), siblingGroupSize: rng.chance(0.15) ? 2 : 1,
  } } }];
}

export function searchStep(rng: Prng, searchedOn: string, available: boolean): StoryStep {
  const options = [
    { resource: rng.pick(IN_HOUSE_RESOURCES), outcome: available ? 'available' as const : 'unavailable' as const, note: available ? 'Vacancy matched to needs' : 'No vacancy' },
    { resource: 'Kinship / connected carers', outcome: 'unsuitable' as const, note: 'Assessment not completed' },
  ];
  return { recordedAt: at(searchedOn, 10, rng.int(0, 59)), command: { type: 'RecordInHouseSearch', data: { searchedOn: d(searchedOn), options } } };
}

/** Commission, reviews and extensions term by term, rate change, joint funding and end, as a commissioner records them. */
export function externalSteps(rng: Prng, plan: ExternalPlan, today: string): StoryStep[] {
  const steps: StoryStep[] = [{ recordedAt: at(plan.start, 11, rng.int(0, 59)), command: { type: 'CommissionPlacement', data: {
    provider: plan.provider, placementType: plan.placementType, weeklyRatePence: p(plan.weeklyRatePence), startDate: d(plan.start),
    initialTermDays: plan.initialTermDays, costCentre: plan.costCentre,
    ...(plan.emergency === 'none' ? {} : { emergencyReason: 'Placement breakdown out of hours; police protection' }),
  } } }];
  if (plan.emergency !== 'none') {
    const searchedOn = addDays(plan.start, plan.emergency === 'late' ? 12 : rng.int(1, 4));
    if (searchedOn <= today && (plan.end === undefined || searchedOn < plan.end)) steps.push(searchStep(rng, searchedOn, false));
  }
  const stop = plan.end === undefined ? today : minDate(plan.end, today);
  let termEnd = addDays(plan.start, plan.initialTermDays);
  while (termEnd <= addDays(stop, 5)) {
    const late = rng.chance(0.06);
    const reviewedOn = late ? addDays(termEnd, 2) : addDays(termEnd, -rng.int(1, 6));
    if (reviewedOn > today || (plan.end !== undefined && reviewedOn >= plan.end)) break;
    if (plan.leaveOverdue && addDays(termEnd, 84) > today && termEnd <= today) break;
    const endingSoon = plan.end !== undefined && plan.end <= addDays(termEnd, 14);
    const outcome = endingSoon ? (plan.endReason === 'moved-in-house' ? 'step-down-in-house' : 'end') : 'extend';
    steps.push({ recordedAt: at(reviewedOn, 12, rng.int(0, 59)), command: { type: 'RecordFourWeekReview', data: {
      reviewedOn: d(reviewedOn), outcome, notes: outcome === 'extend' ? 'Placement meeting needs; care plan continues' : 'Care plan: move on' } } });
    if (outcome !== 'extend') break;
    const newTermEnd = addDays(termEnd, rng.pick([84, 84, 182]));
    const uplift = rng.chance(0.1) ? Math.round(plan.weeklyRatePence * 1.03 / 10) * 10 : undefined;
    steps.push({ recordedAt: at(reviewedOn, 13, rng.int(0, 59)), command: { type: 'ExtendPlacement', data: {
      newTermEnd: d(newTermEnd), reason: 'Review recommended the placement continues', ...(uplift ? { weeklyRatePence: p(uplift) } : {}) } } });
    termEnd = newTermEnd;
  }
  const lastDay = plan.end === undefined ? today : minDate(addDays(plan.end, -1), today);
  if (plan.rateChange && daysBetween(plan.start, lastDay) > 40) {
    const effectiveFrom = addDays(plan.start, rng.int(30, Math.min(120, daysBetween(plan.start, lastDay) - 1)));
    const recordedOn = minDate(addDays(effectiveFrom, rng.int(5, 25)), today);
    steps.push({ recordedAt: at(recordedOn, 14, rng.int(0, 59)), command: { type: 'ChangeRate', data: {
      effectiveFrom: d(effectiveFrom), weeklyRatePence: p(Math.round(plan.weeklyRatePence * 1.04 / 10) * 10), reason: 'Provider annual uplift (backdated)' } } });
  }
  if (plan.jointFunding && daysBetween(plan.start, lastDay) > 10) {
    const effectiveFrom = addDays(plan.start, 7);
    steps.push({ recordedAt: at(effectiveFrom, 15, rng.int(0, 59)), command: { type: 'AgreeJointFunding', data: { ...plan.jointFunding, effectiveFrom: d(effectiveFrom) } } });
  }
  if (plan.end !== undefined) {
    const recordedOn = minDate(addDays(plan.end, rng.chance(0.15) ? rng.int(2, 9) : 0), today);
    steps.push({ recordedAt: at(recordedOn, 16, rng.int(0, 59)), command: { type: 'EndPlacement', data: { endDate: d(plan.end), reason: plan.endReason ?? 'E8' } } });
  }
  return steps;
}

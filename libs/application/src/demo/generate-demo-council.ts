import type { LocalDate, PlacementCommand } from '@ledger/domain';
import { budgetSteps } from './budgets';
import { addDays, at, daysBetween, financialYearOf } from './dates';
import { DEMO_ACTORS, type DemoScript, type DemoStep } from './demo-script';
import { externalStory, requestCommand, searchCommand, type ExternalPlan, type PlanKind, type StoryStep } from './placement-story';
import { Prng } from './prng';
import { CHILDRENS_HOMES, DISABILITY_NEED, FOSTERING_AGENCIES, IN_HOUSE_RESOURCES, NEEDS, PLANNED_END_REASONS } from './providers';

export type { DemoScript, DemoStep } from './demo-script';
export { DEMO_ACTORS } from './demo-script';

/**
 * History begins six weeks before the financial year two before today's, so the two years before this
 * one are whole in the ledger and can be back-tested (GET /api/forecast/backtest): 27 to 39 months.
 */
export function historyDaysBefore(today: string): number {
  const current = financialYearOf(today);
  const twoBefore = financialYearOf(addDays(financialYearOf(addDays(current.start, -1)).start, -1));
  return daysBetween(addDays(twoBefore.start, -45), today);
}

/**
 * A Midlands city council's external placements as its commissioners and finance officer recorded
 * them: about sixty placements active at `today` and seventy-odd ended, half migrated from the old
 * system when the ledger's history begins; in-house matches; emergencies (one ratified late);
 * reviews (some late, two overdue, a few due); extensions; backdated rate changes; joint funding;
 * and budgets the continuing forecast overspends by a few per cent. Pure: the same for a seed and day.
 */
export function generateDemoCouncil(options: { today: string; seed?: number }): DemoScript {
  const { today } = options;
  const rng = new Prng(options.seed ?? 2026);
  const HISTORY_DAYS = historyDaysBefore(today);
  const historyStart = addDays(today, -HISTORY_DAYS);
  const daysAgo = (min: number, max: number) => addDays(today, -rng.int(min, max));

  const migrated: ExternalPlan[] = [];
  for (let i = 0; i < 24; i++) migrated.push(planExternal(rng, 'active', addDays(historyStart, -rng.int(20, 700))));
  for (let i = 0; i < 25; i++) {
    migrated.push(planExternal(rng, 'ended', addDays(historyStart, -rng.int(20, 400)), addDays(historyStart, rng.int(10, HISTORY_DAYS - 10))));
  }
  const fresh: ExternalPlan[] = [];
  const activeCount = rng.int(34, 38);
  for (let i = 0; i < activeCount; i++) fresh.push(planExternal(rng, 'active', daysAgo(1, HISTORY_DAYS - 10)));
  const endedCount = rng.int(45, 60);
  for (let i = 0; i < endedCount; i++) {
    const start = addDays(historyStart, rng.int(5, HISTORY_DAYS - 60));
    const longest = Math.min(420, daysBetween(start, today) - 10);
    fresh.push(planExternal(rng, 'ended', start, addDays(start, 21 + Math.floor((longest - 21) * rng.next() ** 1.4))));
  }

  // Special cases, each on placements old enough for it: overdue and due reviews, planned ends, emergencies, joint funding.
  const all = [...migrated, ...fresh];
  const active = all.filter((plan) => plan.kind === 'active' && plan.start <= addDays(today, -100));
  const kinds: PlanKind[] = ['overdue', 'overdue', 'dueSoon', 'dueSoon', 'dueSoon', 'plannedEnd', 'plannedEnd'];
  kinds.forEach((kind, i) => replace(all, active[Math.floor((i * active.length) / kinds.length)], { kind }));
  const longEnough = (plan: ExternalPlan, days: number) => plan.start <= addDays(today, -days) && (plan.targetEnd === undefined || daysBetween(plan.start, plan.targetEnd) >= days);
  const emergencies = all.filter((plan) => fresh.some((f) => f.placementId === plan.placementId) && longEnough(plan, 42));
  for (let i = 0; i < 6; i++) {
    replace(all, emergencies[Math.floor((i * emergencies.length) / 6)], { emergency: i === 0 ? 'late' : 'ratified', initialTermDays: 28 });
  }
  const funded = all.filter((plan) => longEnough(plan, 60));
  for (let i = 0; i < 8; i++) {
    const plan = funded[Math.floor(((i + 0.5) * funded.length) / 8)];
    const contributor = plan.costCentre === 'CC-DIS' || rng.chance(0.5) ? 'health' : 'education';
    replace(all, plan, { jointFunding: { contributor, shareBasisPoints: rng.pick([2500, 3000, 3500, 4000, 5000]) } });
  }

  const steps: DemoStep[] = [];
  const migrationClock = new Map<string, number>();
  const record = (placementId: string, story: readonly StoryStep[], migrateOn?: string) => {
    const actor = { id: rng.pick(DEMO_ACTORS.commissioners), role: 'commissioner' as const };
    for (const step of sortByRecordedAt(story)) {
      let recordedAt = step.recordedAt;
      if (migrateOn !== undefined && recordedAt.slice(0, 10) <= migrateOn) {
        // Migrated history is keyed in on the migration day, in its own order, 30 seconds apart.
        const tick = migrationClock.get(migrateOn) ?? 0;
        migrationClock.set(migrateOn, tick + 1);
        recordedAt = at(migrateOn, 9 + Math.floor(tick / 120), Math.floor(tick / 2) % 60, (tick % 2) * 30);
      }
      steps.push({ streamKind: 'placement', placementId, command: step.command, recordedAt, today: recordedAt.slice(0, 10), actor });
    }
  };
  const outcomes = all.map((plan) => externalStory(rng, plan, today));
  outcomes.forEach((outcome, i) => record(outcome.plan.placementId, outcome.steps, i < migrated.length ? addDays(historyStart, i % 5) : undefined));
  for (let i = 0; i < 34; i++) {
    const placementId = rng.uuid();
    record(placementId, inHouseStory(rng, placementId, addDays(historyStart, rng.int(5, HISTORY_DAYS - 10)), 'matched'));
  }
  for (let i = 0; i < 3; i++) {
    const placementId = rng.uuid();
    record(placementId, inHouseStory(rng, placementId, addDays(historyStart, rng.int(5, HISTORY_DAYS - 10)), 'withdrawn'));
  }
  for (let i = 0; i < 2; i++) {
    const placementId = rng.uuid();
    record(placementId, inHouseStory(rng, placementId, daysAgo(1, 5), 'open'));
  }
  steps.push(...budgetSteps(rng, outcomes, today, historyStart));
  return { steps: sortByRecordedAt(steps.filter((step) => step.today <= today)) };
}

function planExternal(rng: Prng, kind: PlanKind, start: string, targetEnd?: string): ExternalPlan {
  const residential = rng.chance(0.22);
  const disability = rng.chance(residential ? 0.3 : 0.08);
  const placementType = residential ? 'K2' : rng.pick(['U6', 'U6', 'U6', 'U6', 'U6', 'U4', 'U4', 'U4', 'U4', 'U5']);
  const specialist = !residential && rng.chance(0.08);
  const weeklyRatePence = residential ? rng.int(60, 100) * 5000 : specialist ? rng.int(30, 96) * 5000 : rng.int(1600, 2800) * 50;
  const ageAtRequest = residential ? rng.int(10, 17) : placementType === 'U5' ? rng.int(0, 1) : rng.int(0, 16);
  const needs = [...new Set([rng.pick(NEEDS), ...(rng.chance(0.4) ? [rng.pick(NEEDS)] : []), ...(disability ? [DISABILITY_NEED] : [])])];
  return {
    placementId: rng.uuid(), kind, start, targetEnd, emergency: 'none', placementType, weeklyRatePence, ageAtRequest, needs,
    costCentre: disability ? 'CC-DIS' : residential ? 'CC-RES' : 'CC-IFA',
    provider: residential ? rng.pick(CHILDRENS_HOMES) : rng.pick(FOSTERING_AGENCIES),
    // Bands the decider enforces: U* £800–£5,000 a week, K2 £2,000–£12,000.
    maxRatePence: residential ? 1_200_000 : 500_000,
    initialTermDays: rng.chance(0.1) ? rng.pick([14, 21]) : 28,
    endReason: rng.pick(PLANNED_END_REASONS),
    rateChange: rng.chance(0.1),
  };
}

/** A request met in-house (about one search in five finds a carer), withdrawn, or still open today. */
function inHouseStory(rng: Prng, placementId: string, requested: string, ending: 'matched' | 'withdrawn' | 'open'): StoryStep[] {
  const type = rng.pick(['U6', 'U6', 'U4']);
  const steps: StoryStep[] = [{ recordedAt: at(requested, 9, rng.int(0, 59)),
    command: requestCommand(rng, placementId, requested, addDays(requested, rng.int(3, 10)), 'planned', type, rng.int(0, 16), [rng.pick(NEEDS)]) }];
  if (ending === 'open' && rng.chance(0.5)) return steps;
  const searchedOn = addDays(requested, rng.int(1, ending === 'open' ? 1 : 3));
  steps.push({ recordedAt: at(searchedOn, 10, rng.int(0, 59)), command: searchCommand(rng, searchedOn, ending === 'matched') });
  const later = addDays(searchedOn, rng.int(1, 4));
  const last: PlacementCommand | undefined = ending === 'matched'
    ? { type: 'MatchInHouse', data: { resource: rng.pick(IN_HOUSE_RESOURCES.slice(0, 3)), startDate: later as LocalDate } }
    : ending === 'withdrawn' ? { type: 'WithdrawRequest', data: { reason: 'Child returned home with a support plan' } } : undefined;
  if (last !== undefined) steps.push({ recordedAt: at(later, 11, rng.int(0, 59)), command: last });
  return steps;
}

function replace(plans: ExternalPlan[], plan: ExternalPlan | undefined, change: Partial<ExternalPlan>): void {
  const i = plan === undefined ? -1 : plans.findIndex((candidate) => candidate.placementId === plan.placementId);
  if (i >= 0) plans[i] = { ...plans[i], ...change };
}

/** Stable: steps recorded at the same instant keep the order they were written in. */
function sortByRecordedAt<T extends { readonly recordedAt: string }>(steps: readonly T[]): T[] {
  return steps.map((step, order) => ({ step, order }))
    .sort((a, b) => (a.step.recordedAt < b.step.recordedAt ? -1 : a.step.recordedAt > b.step.recordedAt ? 1 : a.order - b.order))
    .map(({ step }) => step);
}

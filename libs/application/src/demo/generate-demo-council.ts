import type { BudgetCommand, LocalDate, Pence, PlacementCommand } from '@ledger/domain';
import { addDays, at, daysBetween, financialYearOf, Prng } from './prng';
import { externalSteps, planExternal, requestSteps, searchStep, type ExternalPlan, type StoryStep } from './placement-story';

export type DemoStep =
  | { readonly streamKind: 'placement'; readonly placementId: string; readonly command: PlacementCommand; readonly recordedAt: string;
      readonly today: string; readonly actor: { readonly id: string; readonly role: 'commissioner' } }
  | { readonly streamKind: 'budget'; readonly command: BudgetCommand; readonly recordedAt: string; readonly today: string;
      readonly actor: { readonly id: string; readonly role: 'finance' } };

export interface DemoScript {
  readonly steps: readonly DemoStep[];
}

export const DEMO_ACTORS = {
  commissioners: ['commissioner-amrit', 'commissioner-bea', 'commissioner-colm'],
  finance: 'finance-dana',
} as const;

const HISTORY_DAYS = 540;
const REQUESTS = 190;
const COST_CENTRES = ['CC-IFA', 'CC-IFA', 'CC-IFA', 'CC-IFA', 'CC-IFA', 'CC-IFA', 'CC-IFA', 'CC-RES', 'CC-RES', 'CC-DIS'];

/**
 * A Midlands city council's external placements over the last eighteen months, as the commands its
 * commissioners and finance officer would have recorded: about sixty placements active today,
 * in-house matches, emergencies (one ratified late), reviews, extensions, backdated rate changes,
 * joint funding, ends, and budgets that the continuing forecast overspends by a few per cent.
 */
export function generateDemoCouncil(options: { today: string; seed?: number }): DemoScript {
  const { today } = options;
  const rng = new Prng(options.seed ?? 2026);
  const placementSteps: DemoStep[] = [];
  const plans: ExternalPlan[] = [];
  let overdueLeft = 2;
  for (let i = 0; i < REQUESTS; i++) {
    const requested = addDays(today, -HISTORY_DAYS + Math.floor((i * HISTORY_DAYS) / REQUESTS) + rng.int(0, 2));
    const placementId = rng.uuid();
    const actor = { id: rng.pick(DEMO_ACTORS.commissioners), role: 'commissioner' as const };
    const costCentre = rng.pick(COST_CENTRES);
    const roll = rng.next();
    let story: StoryStep[];
    if (roll < 0.18) {
      const searchedOn = addDays(requested, 1);
      story = [...requestSteps(rng, placementId, requested, 'planned', 'U4'), searchStep(rng, searchedOn, true),
        { recordedAt: at(addDays(searchedOn, 1), 11), command: { type: 'MatchInHouse', data: { resource: 'In-house foster carers (mainstream)', startDate: addDays(searchedOn, 3) as LocalDate } } }];
    } else if (roll < 0.2) {
      story = [...requestSteps(rng, placementId, requested, 'planned', 'U6'), searchStep(rng, addDays(requested, 1), false),
        { recordedAt: at(addDays(requested, 2), 15), command: { type: 'WithdrawRequest', data: { reason: 'Child returned home with a support plan' } } }];
    } else {
      let plan = planExternal(rng, requested, today, costCentre);
      if (plan.end === undefined && overdueLeft > 0 && daysBetween(plan.start, today) > 60 && i > REQUESTS * 0.8) {
        plan = { ...plan, leaveOverdue: true };
        overdueLeft -= 1;
      }
      plans.push(plan);
      const urgency = plan.emergency === 'none' ? 'planned' : 'emergency';
      story = requestSteps(rng, placementId, requested, urgency, plan.placementType);
      if (plan.emergency === 'none') story.push(searchStep(rng, addDays(requested, 1), false));
      story.push(...externalSteps(rng, plan, today));
    }
    for (const step of story) {
      if (step.recordedAt.slice(0, 10) > today) continue;
      placementSteps.push({ streamKind: 'placement', placementId, command: step.command, recordedAt: step.recordedAt, today: step.recordedAt.slice(0, 10), actor });
    }
  }
  const steps = [...placementSteps, ...budgetSteps(plans, today)];
  return { steps: steps.map((step, order) => ({ step, order })).sort((a, b) => (a.step.recordedAt < b.step.recordedAt ? -1 : a.step.recordedAt > b.step.recordedAt ? 1 : a.order - b.order)).map(({ step }) => step) };
}

/** Gross cost of the plans in a year, those still open assumed to run to its end. */
function yearCost(plans: readonly ExternalPlan[], costCentre: string, start: string, end: string): number {
  return plans.filter((plan) => plan.costCentre === costCentre).reduce((total, plan) => {
    const from = plan.start > start ? plan.start : start;
    const to = plan.end !== undefined && plan.end < end ? plan.end : end;
    return total + Math.max(0, daysBetween(from, to)) * plan.weeklyRatePence / 7;
  }, 0);
}

function budgetSteps(plans: readonly ExternalPlan[], today: string): DemoStep[] {
  const current = financialYearOf(today);
  const previous = financialYearOf(addDays(current.start, -1));
  const actor = { id: DEMO_ACTORS.finance, role: 'finance' as const };
  const steps: DemoStep[] = [];
  const roundThousand = (pounds: number) => (Math.round(pounds / 1000 / 100) * 1000 * 100) as Pence;
  for (const costCentre of ['CC-IFA', 'CC-RES', 'CC-DIS']) {
    for (const [year, headroom] of [[previous, 1.01], [current, 0.95]] as const) {
      const setOn = year.start < addDays(today, -HISTORY_DAYS) ? addDays(today, -HISTORY_DAYS) : year.start;
      const amount = roundThousand(yearCost(plans, costCentre, year.start, year.end) * headroom);
      steps.push({ streamKind: 'budget', actor, recordedAt: at(setOn, 9), today: setOn,
        command: { type: 'SetBudget', data: { financialYear: year.name, costCentre, amountPence: amount, reason: 'Budget approved at Council budget meeting' } } });
      const adjustOn = addDays(year.start, 120);
      if (year === current && adjustOn <= today) {
        steps.push({ streamKind: 'budget', actor, recordedAt: at(adjustOn, 9), today: adjustOn, command: { type: 'SetBudget', data: {
          financialYear: year.name, costCentre, amountPence: roundThousand(amount * 1.01), reason: 'In-year virement from the corporate contingency' } } });
      }
    }
  }
  return steps;
}

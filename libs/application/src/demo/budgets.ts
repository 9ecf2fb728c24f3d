import type { Pence } from '@ledger/domain';
import { addDays, addWorkingDays, at, daysBetween, financialYearOf, maxDate, minDate } from './dates';
import { DEMO_ACTORS, type DemoStep } from './demo-script';
import type { PlacementOutcome } from './placement-story';
import type { Prng } from './prng';

export const COST_CENTRES = ['CC-IFA', 'CC-RES', 'CC-DIS'] as const;

/** Continuing-basis overspend aimed at per cost centre (net of contributions, as budgets are); about 5% overall. */
const OVERSPEND: Readonly<Record<string, number>> = { 'CC-IFA': 0.05, 'CC-RES': 0.075, 'CC-DIS': 0.03 };

/**
 * Gross cost of a placement over [from, to), an open placement assumed to run on: each rate segment
 * costs round(rate × days / 7), as docs/domain.md's cumulative gross (to within a penny a segment).
 */
export function grossCost(outcome: PlacementOutcome, from: string, to: string): number {
  const rates = [...outcome.rates].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const stop = outcome.end === undefined ? to : minDate(outcome.end, to);
  let total = 0;
  rates.forEach((segment, i) => {
    const segmentEnd = i + 1 < rates.length ? rates[i + 1].from : stop;
    const days = dayCount(maxDate(segment.from, from), minDate(segmentEnd, stop));
    total += Math.round((segment.ratePence * days) / 7);
  });
  return total;
}

/** Net of a joint-funding share (docs/domain.md: the share applies to the gross accrued from its date). */
export function netCost(outcome: PlacementOutcome, from: string, to: string): number {
  const gross = grossCost(outcome, from, to);
  const funding = outcome.jointFunding;
  if (funding === undefined) return gross;
  return gross - Math.round((funding.shareBasisPoints * grossCost(outcome, maxDate(from, funding.effectiveFrom), to)) / 10_000);
}

const dayCount = (from: string, to: string): number => Math.max(0, daysBetween(from, to));

const toThousandPounds = (pence: number) => (Math.round(pence / 100_000) * 100_000) as Pence;

/**
 * Budgets for the previous and current financial years per cost centre, set at the year's start
 * (or when the ledger's history begins), and one mid-year adjustment to residential. The current
 * year's are sized so placements continuing to the year end overspend by a few per cent.
 */
export function budgetSteps(rng: Prng, outcomes: readonly PlacementOutcome[], today: string, historyStart: string): DemoStep[] {
  const current = financialYearOf(today);
  const previous = financialYearOf(addDays(current.start, -1));
  const currentAdjustOn = addWorkingDays(addDays(current.start, 152), 1);
  const adjustCurrent = currentAdjustOn <= today;
  const adjustOn = adjustCurrent ? currentAdjustOn : addWorkingDays(addDays(previous.start, 152), 1);
  const steps: DemoStep[] = [];
  const set = (on: string, minute: number, financialYear: string, costCentre: string, amountPence: Pence, reason: string) =>
    steps.push({ streamKind: 'budget', recordedAt: at(on, 9, minute), today: on, actor: { id: DEMO_ACTORS.finance, role: 'finance' },
      command: { type: 'SetBudget', data: { financialYear, costCentre, amountPence, reason } } });
  COST_CENTRES.forEach((costCentre, i) => {
    const mine = outcomes.filter((o) => o.plan.costCentre === costCentre);
    const cost = (year: { start: string; end: string }) => mine.reduce((sum, o) => sum + netCost(o, year.start, year.end), 0);
    const adjusted = costCentre === 'CC-RES';
    const previousAmount = toThousandPounds(cost(previous) / (1 + rng.int(-10, 20) / 1000));
    const currentAmount = toThousandPounds(cost(current) / (1 + OVERSPEND[costCentre]));
    for (const [year, amount] of [[previous, previousAmount], [current, currentAmount]] as const) {
      const setOn = maxDate(year.start, historyStart);
      const isAdjustedYear = adjusted && (year === current) === adjustCurrent;
      const initial = isAdjustedYear ? toThousandPounds(amount * 0.94) : amount;
      set(setOn, 5 + i, year.name, costCentre, initial, setOn === year.start ? 'Budget approved at the Council\'s budget meeting' : 'Budget brought into the ledger');
      if (isAdjustedYear) set(adjustOn, 5 + i, year.name, costCentre, amount, 'In-year growth for residential demand, agreed by Cabinet');
    }
  });
  return steps;
}

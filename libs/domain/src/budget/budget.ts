import type { Pence } from '../money/pence';
import { DomainError } from '../shared/domain-error';
import { BUDGET_EVENT_TYPES, type BudgetCommand, type BudgetEvent } from './budget-events';

/** One setting of a cost centre's budget, in the order recorded. */
export interface BudgetChange {
  readonly amountPence: Pence;
  /** Absent for the first setting. */
  readonly previousAmountPence?: Pence;
  readonly reason: string;
}

export interface CostCentreBudget {
  /** The budget for the year, net of contributions, as last set. */
  readonly amountPence: Pence;
  /** How many times it has been set or adjusted. */
  readonly changes: number;
  /** Every setting in order; absent only in states built by hand before it was added. */
  readonly history?: readonly BudgetChange[];
}

/** The year's budgets by cost centre (net of contributions, as finance sets them). */
export interface BudgetState {
  readonly costCentres: Readonly<Record<string, CostCentreBudget>>;
}

export const initialBudgetState: BudgetState = { costCentres: {} };

export const BUDGET_EVENT_VERSIONS: Readonly<Record<BudgetEvent['type'], number>> = { BudgetSet: 1, BudgetAdjusted: 1 };

export function evolveBudget(state: BudgetState, event: BudgetEvent): BudgetState {
  switch (event.type) {
    case 'BudgetSet':
    case 'BudgetAdjusted': {
      const { costCentre, amountPence, reason } = event.data;
      const previous = state.costCentres[costCentre];
      const change: BudgetChange = event.type === 'BudgetAdjusted' ? { amountPence, previousAmountPence: event.data.previousAmountPence, reason } : { amountPence, reason };
      return { costCentres: { ...state.costCentres, [costCentre]: {
        amountPence, changes: (previous?.changes ?? 0) + 1, history: [...(previous?.history ?? []), change] } } };
    }
    default: {
      const unreachable: never = event;
      throw new Error(`Unknown budget event ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * The first amount sets the budget, a different one adjusts it, the same one changes nothing (PUT is
 * idempotent: a repeat records nothing, even with a different reason).
 */
export function decideBudget(command: BudgetCommand, state: BudgetState): BudgetEvent[] {
  const { financialYear, costCentre, amountPence, reason } = command.data;
  if (!Number.isSafeInteger(amountPence) || amountPence < 0) throw new DomainError('budget', 'A budget is a whole, non-negative number of pence', 'amountPence');
  if (reason.trim() === '') throw new DomainError('budget', 'Say why the budget is set or changed', 'reason');
  const current = state.costCentres[costCentre];
  if (current === undefined) return [{ type: 'BudgetSet', data: { financialYear, costCentre, amountPence, reason } }];
  if (current.amountPence === amountPence) return [];
  return [{ type: 'BudgetAdjusted', data: { financialYear, costCentre, amountPence, previousAmountPence: current.amountPence, reason } }];
}

/** Reads a stored budget event of any version as the current shape (all are at version 1). */
export function upcastBudgetEvent(type: string, _version: number, data: unknown): BudgetEvent {
  if (!(BUDGET_EVENT_TYPES as readonly string[]).includes(type)) throw new DomainError('budget', `Unknown budget event type ${type}`);
  return { type, data } as BudgetEvent;
}

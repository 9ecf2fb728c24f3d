import {
  BUDGET_EVENT_VERSIONS,
  budgetStreamId,
  evolveBudget,
  initialBudgetState,
  upcastBudgetEvent,
  type BudgetEvent,
  type BudgetState,
} from '@ledger/domain';
import type { StreamModel } from '../command-handling/handle-command';

export const budgetModel: StreamModel<BudgetState, BudgetEvent> = {
  initialState: initialBudgetState,
  evolve: evolveBudget,
  upcast: (stored) => upcastBudgetEvent(stored.type, stored.version, stored.data),
  versionOf: (type) => BUDGET_EVENT_VERSIONS[type as BudgetEvent['type']] ?? 1,
};

export { budgetStreamId };

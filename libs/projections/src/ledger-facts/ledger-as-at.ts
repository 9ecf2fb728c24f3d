import {
  evolveBudget, evolvePlacement, initialBudgetState, initialPlacementState, upcastBudgetEvent, upcastPlacementEvent,
  type BudgetState, type PlacementState,
} from '@ledger/domain';
import type { SqlExecutor } from '@ledger/event-store';

/** The ledger as it was known at an instant: every placement's state and every year's budgets. */
export interface LedgerAsAt {
  readonly asAt: string;
  readonly placements: readonly PlacementState[];
  readonly budgets: ReadonlyMap<string, BudgetState>;
}

interface FactRow { stream_id: string; event_type: string; event_version: number; data: unknown }

/** Folds the facts recorded by `asAt` with the domain's evolve: the same state the decider saw. */
export async function loadLedgerAsAt(db: SqlExecutor, asAt: Date): Promise<LedgerAsAt> {
  const rows = await db.query<FactRow>(
    `SELECT stream_id, event_type, event_version, data FROM ledger_facts WHERE recorded_at <= $1::timestamptz ORDER BY stream_id, revision`,
    [asAt.toISOString()]);
  const placements = new Map<string, PlacementState>();
  const budgets = new Map<string, BudgetState>();
  for (const row of rows) {
    if (row.stream_id.startsWith('placement-')) {
      const event = upcastPlacementEvent(row.event_type, row.event_version, row.data);
      placements.set(row.stream_id, evolvePlacement(placements.get(row.stream_id) ?? initialPlacementState, event));
    } else {
      const year = row.stream_id.slice('budget-'.length);
      budgets.set(year, evolveBudget(budgets.get(year) ?? initialBudgetState, upcastBudgetEvent(row.event_type, row.event_version, row.data)));
    }
  }
  return { asAt: asAt.toISOString(), placements: [...placements.values()], budgets };
}

import {
  evolveBudget, evolvePlacement, initialBudgetState, initialPlacementState, parseStreamId, upcastBudgetEvent, upcastPlacementEvent, type BudgetState, type PlacementState,
} from '@ledger/domain';
import type { SqlExecutor } from '@ledger/event-store';

/** The ledger as it was known at an instant: every placement's state and every year's budgets. */
export interface LedgerAsAt {
  readonly asAt: string;
  readonly placements: readonly PlacementState[];
  readonly budgets: ReadonlyMap<string, BudgetState>;
  /** The same placements by stream id, for replaying later facts onto them. */
  readonly streams?: ReadonlyMap<string, PlacementState>;
}

/** One recorded event, as the read model keeps it. */
export interface LedgerFact {
  readonly streamId: string;
  readonly recordedAt: string;
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
}

/** Facts recorded after `from` up to and including `to`, in the order they were recorded. */
export async function loadFactsBetween(db: SqlExecutor, from: Date, to: Date): Promise<LedgerFact[]> {
  const rows = await db.query<FactRow & { recorded_at: Date | string }>(
    `SELECT stream_id, event_type, event_version, data, recorded_at FROM ledger_facts
      WHERE recorded_at > $1::timestamptz AND recorded_at <= $2::timestamptz ORDER BY recorded_at, position, stream_id, revision`,
    [from.toISOString(), to.toISOString()]);
  return rows.map((r) => ({ streamId: r.stream_id, recordedAt: new Date(r.recorded_at).toISOString(), type: r.event_type, version: r.event_version, data: r.data }));
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
    const stream = parseStreamId(row.stream_id);
    if (stream?.kind === 'placement') {
      const event = upcastPlacementEvent(row.event_type, row.event_version, row.data);
      placements.set(row.stream_id, evolvePlacement(placements.get(row.stream_id) ?? initialPlacementState, event));
    } else if (stream?.kind === 'budget') {
      const year = stream.financialYear;
      budgets.set(year, evolveBudget(budgets.get(year) ?? initialBudgetState, upcastBudgetEvent(row.event_type, row.event_version, row.data)));
    }
  }
  return { asAt: asAt.toISOString(), placements: [...placements.values()], budgets, streams: placements };
}

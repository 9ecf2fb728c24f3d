import { parseStreamId, type BudgetState, type PlacementState } from '@ledger/domain';
import type { GlobalPosition, SqlExecutor } from '@ledger/event-store';
import { RECORDED_HISTORY } from './recorded-history.projection';
import { assembleState, type PartKey } from './state-parts';

/** Streams' states as known at an instant, read from their rows, and the last position of the log the rows hold. */
export interface KnownStates {
  readonly through: GlobalPosition;
  /** By stream id; a stream with nothing recorded by the instant is absent. */
  readonly placements: ReadonlyMap<string, PlacementState>;
  /** By financial year. */
  readonly budgets: ReadonlyMap<string, BudgetState>;
}

interface Row { through: string; in_order: boolean; stream_id: string | null; part: string; item: number; body: unknown }

/**
 * The states of `streamIds` as known at `at` (ms since the epoch): the parts current then, put together.
 * One statement, so the rows and the position they hold come from one snapshot. Undefined when the rows
 * cannot say: the projection has not run yet, or one of these streams has a fact stamped earlier than a
 * fact appended before it (its rows do not record what was known when; fold it from the log).
 */
export async function statesKnownAt(db: SqlExecutor, at: number, streamIds: readonly string[]): Promise<KnownStates | undefined> {
  const rows = await db.query<Row>(
    `SELECT cp.position AS through, s.in_order, p.stream_id, p.part, p.item, p.body
     FROM (SELECT position FROM projection_checkpoints WHERE name = $3) AS cp
     CROSS JOIN (SELECT coalesce(bool_and(in_order), true) AS in_order FROM ledger_state_streams WHERE stream_id = ANY($1)) AS s
     LEFT JOIN ledger_state_parts AS p
       ON p.stream_id = ANY($1) AND p.recorded_from <= $2::timestamptz AND (p.recorded_to IS NULL OR p.recorded_to > $2::timestamptz)`,
    [streamIds, new Date(at).toISOString(), RECORDED_HISTORY],
  );
  if (rows.length === 0 || !rows[0].in_order) return undefined;
  const parts = new Map<string, [PartKey, unknown][]>();
  for (const row of rows) {
    if (row.stream_id === null) continue;
    const list = parts.get(row.stream_id) ?? [];
    list.push([{ part: row.part, item: row.item }, row.body]);
    parts.set(row.stream_id, list);
  }
  const placements = new Map<string, PlacementState>();
  const budgets = new Map<string, BudgetState>();
  for (const [streamId, list] of parts) {
    const stream = parseStreamId(streamId);
    if (stream?.kind === 'placement') placements.set(streamId, assembleState<PlacementState>(list) as PlacementState);
    else if (stream?.kind === 'budget') budgets.set(stream.financialYear, assembleState<BudgetState>(list) as BudgetState);
  }
  return { through: rows[0].through, placements, budgets };
}

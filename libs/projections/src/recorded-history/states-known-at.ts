import { parseStreamId, type BudgetState, type PlacementState } from '@ledger/domain';
import type { GlobalPosition, SqlDatabase } from '@ledger/event-store';
import { RECORDED_HISTORY } from './recorded-history.projection';
import { assembleState, HEAD, partsByStream, sharedPart } from './state-parts';

/** Streams' states as known at an instant, read from their rows, and the last position of the log the rows hold. */
export interface KnownStates {
  readonly through: GlobalPosition;
  /** By stream id; a stream with nothing recorded by the instant is absent. */
  readonly placements: ReadonlyMap<string, PlacementState>;
  /** By financial year. */
  readonly budgets: ReadonlyMap<string, BudgetState>;
}

/**
 * States already in memory, as of a position of the log: where the rows stand at the same position, a part
 * still current (its row open) is that state's own, so it is taken from there, shared, not read and parsed.
 */
export interface CurrentStates {
  readonly position: GlobalPosition;
  /** A stream's state at `position`: a placement's by stream id, a budget's by its stream id too. */
  stateOf(streamId: string): object | undefined;
}

interface Checked { through: string; in_order: boolean }
interface Row { stream_id: string; part: string; item: number; body: unknown; shared: boolean }

/** Streams read per statement: a past instant weeks back at national scale touches thousands of them. */
const STREAMS_PER_READ = 500;

/**
 * The states of `streamIds` as known at `at` (ms since the epoch): the parts current then, put together.
 * Read in one repeatable-read transaction, so the rows and the position they hold come from one snapshot,
 * a few hundred streams at a time, so only their rows are held at once. Each stream's rows are looked up
 * by the index on its own (the `OFFSET 0` keeps the planner from turning the lookups into one scan): on a
 * table not yet analysed, as after a rebuild, `stream_id = ANY(...)` was planned as a scan of every row,
 * about 150 ms a statement at 20,000 placements. Undefined when the rows cannot
 * say: the projection has not run yet, or one of these streams has a fact stamped earlier than a fact
 * appended before it (its rows do not record what was known when; fold it from the log).
 */
export function statesKnownAt(db: SqlDatabase, at: number, streamIds: readonly string[], current?: CurrentStates): Promise<KnownStates | undefined> {
  const instant = new Date(at).toISOString();
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const [checked] = await tx.query<Checked>(
      `SELECT cp.position AS through,
         (SELECT coalesce(bool_and(in_order), true) FROM ledger_state_streams WHERE stream_id = ANY($1)) AS in_order
       FROM projection_checkpoints AS cp WHERE cp.name = $2`,
      [streamIds, RECORDED_HISTORY],
    );
    if (checked === undefined || !checked.in_order) return undefined;
    // The head is always read: it is small, and a state's own head is not an object of its own to share.
    const sharing = current !== undefined && current.position === checked.through;
    const placements = new Map<string, PlacementState>();
    const budgets = new Map<string, BudgetState>();
    for (let i = 0; i < streamIds.length; i += STREAMS_PER_READ) {
      const rows = await tx.query<Row>(
        `SELECT p.stream_id, p.part, p.item, p.shared, CASE WHEN p.shared THEN NULL ELSE p.body END AS body
         FROM unnest($1::text[]) AS s(stream_id) CROSS JOIN LATERAL (
           SELECT stream_id, part, item, body, $3::boolean AND recorded_to IS NULL AND part <> '${HEAD}' AS shared FROM ledger_state_parts
           WHERE stream_id = s.stream_id AND recorded_from <= $2::timestamptz AND (recorded_to IS NULL OR recorded_to > $2::timestamptz)
           OFFSET 0) AS p`,
        [streamIds.slice(i, i + STREAMS_PER_READ), instant, sharing],
      );
      if (sharing && !takeShared(rows, current)) return undefined;
      for (const [streamId, parts] of partsByStream(rows)) {
        const stream = parseStreamId(streamId);
        if (stream?.kind === 'placement') placements.set(streamId, assembleState<PlacementState>(parts) as PlacementState);
        else if (stream?.kind === 'budget') budgets.set(stream.financialYear, assembleState<BudgetState>(parts) as BudgetState);
      }
    }
    return { through: checked.through, placements, budgets };
  });
}

/** Fills each shared row's body with the current state's own part; false when one is not there to take. */
function takeShared(rows: Row[], current: CurrentStates): boolean {
  for (const row of rows) {
    if (!row.shared) continue;
    const state = current.stateOf(row.stream_id);
    const part = state === undefined ? undefined : sharedPart(state, row.part, row.item);
    if (part === undefined) return false;
    row.body = part.value;
  }
  return true;
}

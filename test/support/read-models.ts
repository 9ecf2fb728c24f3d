import { isDeepStrictEqual } from 'node:util';
import type { LedgerRuntime } from '@ledger/application';
import { rebuildReadModels } from '@ledger/projections';

/** The read models' rows, in a fixed order, for comparing one state of them with another. */
export async function readModelSnapshot(runtime: LedgerRuntime) {
  return {
    summary: await runtime.database.query('SELECT * FROM placement_summary ORDER BY placement_id'),
    commissioners: await runtime.database.query('SELECT * FROM placement_commissioners ORDER BY placement_id'),
    issued: await runtime.database.query('SELECT * FROM issued_reports ORDER BY 1'),
    history: await runtime.database.query('SELECT * FROM ledger_state_parts ORDER BY stream_id, part, item, recorded_from, recorded_to NULLS LAST, body::text'),
    historyStreams: await runtime.database.query('SELECT * FROM ledger_state_streams ORDER BY stream_id'),
  };
}

/** Whether the read models as they stand equal what a clean rebuild from the log gives (the rebuild is kept). */
export async function readModelsEqualRebuild(runtime: LedgerRuntime): Promise<boolean> {
  const live = await readModelSnapshot(runtime);
  await rebuildReadModels(runtime.eventStore, runtime.projections);
  return isDeepStrictEqual(live, await readModelSnapshot(runtime));
}

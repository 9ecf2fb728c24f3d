import { isDeepStrictEqual } from 'node:util';
import type { LedgerRuntime } from '@ledger/application';
import { rebuildReadModels } from '@ledger/projections';

/** The read models' rows, in a fixed order, for comparing one state of them with another. */
export async function readModelSnapshot(runtime: LedgerRuntime) {
  return {
    summary: await runtime.database.query('SELECT * FROM placement_summary ORDER BY placement_id'),
    facts: await runtime.database.query('SELECT stream_id, revision, recorded_at::text, event_type, data, position FROM ledger_facts ORDER BY stream_id, revision'),
  };
}

/** Whether the read models as they stand equal what a clean rebuild from the log gives (the rebuild is kept). */
export async function readModelsEqualRebuild(runtime: LedgerRuntime): Promise<boolean> {
  const live = await readModelSnapshot(runtime);
  await rebuildReadModels(runtime.eventStore, runtime.projections);
  return isDeepStrictEqual(live, await readModelSnapshot(runtime));
}

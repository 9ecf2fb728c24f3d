import { START, type EventStore } from '@ledger/event-store';
import type { ProjectionRunner } from './projection-runner';

export interface RebuildProgress {
  readonly done: number;
  /** Events in the store when the rebuild began, when the store can say. */
  readonly total?: number;
  readonly eventsPerSecond: number;
}

/**
 * Empties every read model and replays the whole log through the same batch path the live
 * projector uses, so a rebuilt read model is the one incremental projection would have made.
 */
export async function rebuildReadModels(store: EventStore, runner: ProjectionRunner, onProgress: (p: RebuildProgress) => void = () => undefined, batchSize = 5000): Promise<RebuildProgress> {
  const total = await store.countEvents();
  await runner.reset();
  const started = process.hrtime.bigint();
  const rate = (done: number) => done / Math.max(Number(process.hrtime.bigint() - started) / 1e9, 1e-9);
  let from = START;
  let done = 0;
  for (;;) {
    const batch = await store.readAll({ from, limit: batchSize });
    if (batch.length === 0) break;
    await runner.applyBatch(batch);
    done += batch.length;
    from = batch[batch.length - 1].position;
    onProgress({ done, total, eventsPerSecond: rate(done) });
  }
  return { done, total, eventsPerSecond: rate(done) };
}

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
 * Batches are applied one at a time, in order; only the reading runs one page ahead.
 */
export async function rebuildReadModels(store: EventStore, runner: ProjectionRunner, onProgress: (p: RebuildProgress) => void = () => undefined, batchSize = 5000): Promise<RebuildProgress> {
  const total = await store.countEvents();
  await runner.reset();
  const started = process.hrtime.bigint();
  const rate = (done: number) => done / Math.max(Number(process.hrtime.bigint() - started) / 1e9, 1e-9);
  let done = 0;
  // The next page is read while this one is applied, so reading and projecting overlap.
  const read = (from: string) => {
    const page = store.readAll({ from, limit: batchSize });
    page.catch(() => undefined); // awaited below; a batch that fails first must not leave it unheard
    return page;
  };
  let next = read(START);
  for (;;) {
    const batch = await next;
    if (batch.length === 0) break;
    next = read(batch[batch.length - 1].position);
    await runner.applyBatch(batch);
    done += batch.length;
    onProgress({ done, total, eventsPerSecond: rate(done) });
  }
  return { done, total, eventsPerSecond: rate(done) };
}

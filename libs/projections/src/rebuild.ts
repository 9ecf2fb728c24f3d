import { START, type EventStore } from '@ledger/event-store';
import type { ProjectionRunner } from './projection-runner';

export interface RebuildProgress {
  readonly done: number;
  /** Events in the store when the rebuild began, when the store can say. */
  readonly total?: number;
  readonly eventsPerSecond: number;
}

export interface RebuildOptions {
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Events read at a time. */
  readonly pageSize?: number;
  /**
   * Events folded in memory between writes. Each write stores what changed and the checkpoints, so a
   * rebuild stopped part-way resumes from its last write; it also bounds what waits in memory to be written.
   */
  readonly writeEvery?: number;
}

/**
 * Empties every read model and replays the whole log through each projection's own fold, the one the
 * live runner applies a batch with, from the empty tables: nothing is read back, and a placement is
 * written once per write however many of its events went by. The next page is read, and the last write
 * stored, while a page is folded, so a rebuild costs little beyond reading.
 */
export async function rebuildReadModels(store: EventStore, runner: ProjectionRunner, options: RebuildOptions = {}): Promise<RebuildProgress> {
  const { onProgress = () => undefined, pageSize = 1000, writeEvery = 100_000 } = options;
  const total = await store.countEvents();
  await runner.reset();
  const folds = runner.foldsFromEmpty();
  const started = process.hrtime.bigint();
  const rate = (done: number) => done / Math.max(Number(process.hrtime.bigint() - started) / 1e9, 1e-9);
  let done = 0;
  let unwritten = 0;
  // The next page is read while this one is folded, so reading and projecting overlap.
  const read = (from: string) => {
    const page = store.readAll({ from, limit: pageSize });
    page.catch(() => undefined); // awaited below; a write that fails first must not leave it unheard
    return page;
  };
  // One write at a time runs while the folding goes on; the next waits for it, so checkpoints only move on.
  let writing: Promise<void> = Promise.resolve();
  const write = async (position: string) => {
    await writing;
    writing = folds.write(position);
    writing.catch(() => undefined); // awaited before the next write or at the end
  };
  let next = read(START);
  let last = START;
  try {
    for (;;) {
      const page = await next;
      if (page.length === 0) break;
      last = page[page.length - 1].position;
      next = read(last);
      folds.add(page);
      done += page.length;
      unwritten += page.length;
      if (unwritten >= writeEvery) {
        await write(last);
        unwritten = 0;
      }
      onProgress({ done, total, eventsPerSecond: rate(done) });
    }
    if (unwritten > 0) await write(last);
  } catch (error) {
    // Nothing may still be writing once the rebuild has failed: the checkpoints stand where its caller finds them.
    await writing.catch(() => undefined);
    throw error;
  }
  await writing;
  return { done, total, eventsPerSecond: rate(done) };
}

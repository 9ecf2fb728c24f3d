import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, StoredEvent } from '@ledger/event-store';
import { eventually } from '../../support/eventually';

export const newEvent = (data: Record<string, unknown> = {}, type = 'PlacementRateChanged'): NewEvent => ({
  eventId: randomUUID(), type, version: 1, data,
  metadata: { actorId: 'ann', actorRole: 'commissioner', recordedAt: '2026-11-23T10:00:00.000Z', correlationId: 'c1', causationId: 'c1' },
});

export const uniqueStream = (label: string) => `${label}-${randomUUID()}`;

/**
 * Global readers see an event once no older transaction is still running anywhere on the server
 * (xids are cluster-wide), so a test reading its own write through the global order waits for it.
 */
export async function visible(store: EventStore, position: string): Promise<void> {
  await eventually(async () => {
    if ((await store.headPosition()) < position) throw new Error(`position ${position} is not yet visible`);
  });
}

/** Collects what a subscription delivers; `until(n)` resolves once n events have arrived. */
export function collector(accept: (event: StoredEvent) => boolean = () => true) {
  const received: StoredEvent[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  return {
    received,
    handler: async (batch: readonly StoredEvent[]) => {
      received.push(...batch.filter(accept));
      for (const w of waiters.filter((w) => received.length >= w.n)) w.resolve();
    },
    until: (n: number) => (received.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }))),
  };
}

/** A promise to resolve from outside: for gates and "this happened" signals in tests. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

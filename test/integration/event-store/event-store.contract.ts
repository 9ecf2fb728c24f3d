import { randomUUID } from 'node:crypto';
import { eventually } from '../../support/eventually';
import {
  DuplicateEventIdError, START, WrongExpectedRevisionError, type EventStore, type NewEvent, type StoredEvent,
} from '@ledger/event-store';

export type StoreFactory = () => Promise<{ store: EventStore; cleanup(): Promise<void> }>;

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
export function collector() {
  const received: StoredEvent[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  return {
    received,
    handler: async (batch: readonly StoredEvent[]) => {
      received.push(...batch);
      for (const w of waiters.filter((w) => received.length >= w.n)) w.resolve();
    },
    until: (n: number) => (received.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }))),
  };
}

/** The behaviour every adapter must have; each adapter's spec file runs it. */
export function describeEventStoreContract(name: string, factory: StoreFactory): void {
  describe(`the ${name} event store contract`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;
    beforeAll(async () => ({ store, cleanup } = await factory()));
    afterAll(() => cleanup());

    describe('appending with an expected revision', () => {
      it('creates a stream with no-stream and continues it at its revision', async () => {
        const stream = uniqueStream('placement');
        expect((await store.append(stream, 'no-stream', [newEvent({ n: 1 }), newEvent({ n: 2 })])).nextRevision).toBe(1);
        expect((await store.append(stream, 1, [newEvent({ n: 3 })])).nextRevision).toBe(2);
        expect((await store.readStream(stream)).events.map((e) => [e.streamRevision, e.data.n])).toEqual([[0, 1], [1, 2], [2, 3]]);
      });

      it('refuses a stale revision and appends nothing', async () => {
        const stream = uniqueStream('placement');
        await store.append(stream, 'no-stream', [newEvent()]);
        await expect(store.append(stream, 5, [newEvent()])).rejects.toThrow(WrongExpectedRevisionError);
        await expect(store.append(stream, 'no-stream', [newEvent()])).rejects.toMatchObject({ actual: 0 });
        expect((await store.readStream(stream)).revision).toBe(0);
      });

      it('reads a long stream back in revision order', async () => {
        const stream = uniqueStream('placement');
        for (let i = 0; i < 12; i++) await store.append(stream, i === 0 ? 'no-stream' : i - 1, [newEvent({ i })]);
        const { revision, events } = await store.readStream(stream);
        expect(revision).toBe(11);
        expect(events.map((e) => e.data.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      });

      it("appends at whatever revision with 'any'", async () => {
        const stream = uniqueStream('placement');
        await store.append(stream, 'any', [newEvent()]);
        expect((await store.append(stream, 'any', [newEvent()])).nextRevision).toBe(1);
      });

      it('lets exactly one of two racing appends at the same revision win', async () => {
        const stream = uniqueStream('placement');
        await store.append(stream, 'no-stream', [newEvent()]);
        const results = await Promise.allSettled([store.append(stream, 0, [newEvent({ w: 'a' })]), store.append(stream, 0, [newEvent({ w: 'b' })])]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect((await store.readStream(stream)).events).toHaveLength(2);
      });
    });

    describe('idempotency', () => {
      it('appends the same event ids at the same place once and answers as the first time', async () => {
        const stream = uniqueStream('placement');
        const events = [newEvent({ n: 1 }), newEvent({ n: 2 })];
        const first = await store.append(stream, 'no-stream', events);
        expect(await store.append(stream, 'no-stream', events)).toEqual(first);
        expect((await store.readStream(stream)).events).toHaveLength(2);
      });

      it('refuses an event id already appended to another stream', async () => {
        const event = newEvent();
        await store.append(uniqueStream('placement'), 'no-stream', [event]);
        await expect(store.append(uniqueStream('placement'), 'no-stream', [event])).rejects.toThrow(DuplicateEventIdError);
      });
    });

    describe('reading', () => {
      it('answers revision -1 and no events for a stream that does not exist', async () => {
        expect(await store.readStream(uniqueStream('nothing'))).toEqual({ revision: -1, events: [] });
      });

      it('keeps data and metadata exactly, unicode and nesting included', async () => {
        const stream = uniqueStream('placement');
        const event = newEvent({ note: 'Brøther & sister — £1,200 “weekly”', nested: { list: [1, 'two', { three: null }] } });
        await store.append(stream, 'no-stream', [event]);
        const [stored] = (await store.readStream(stream)).events;
        expect(stored).toMatchObject({ eventId: event.eventId, type: event.type, version: 1, data: event.data, metadata: event.metadata });
      });

      it('reads all events in one global order, from a position and in pages', async () => {
        const stream = uniqueStream('placement');
        const before = await store.headPosition();
        await visible(store, (await store.append(stream, 'no-stream', [newEvent({ n: 1 }), newEvent({ n: 2 }), newEvent({ n: 3 })])).position);
        const page1 = await store.readAll({ from: before, limit: 2 });
        const page2 = await store.readAll({ from: page1[page1.length - 1].position, limit: 10 });
        expect([...page1, ...page2].filter((e) => e.streamId === stream).map((e) => e.data.n)).toEqual([1, 2, 3]);
        const all = await store.readAll({ limit: 100_000 });
        expect(all.map((e) => e.position)).toEqual([...all.map((e) => e.position)].sort());
        expect(await store.headPosition()).toBe(all[all.length - 1].position);
      });
    });

    describe('subscribing', () => {
      it('delivers every event of concurrent writers exactly once, in an order consistent with each stream', async () => {
        const from = await store.headPosition();
        const seen = collector();
        const subscription = store.subscribe(seen.handler, { from, batchSize: 37 });
        const writers = Array.from({ length: 8 }, (_, w) => uniqueStream(`writer${w}`));
        await Promise.all(writers.map(async (stream) => {
          for (let i = 0; i < 50; i++) await store.append(stream, i === 0 ? 'no-stream' : i - 1, [newEvent({ i })]);
        }));
        await seen.until(400);
        await subscription.stop();
        const mine = seen.received.filter((e) => writers.includes(e.streamId));
        expect(mine).toHaveLength(400);
        expect(new Set(mine.map((e) => e.eventId)).size).toBe(400);
        for (const stream of writers) {
          expect(mine.filter((e) => e.streamId === stream).map((e) => e.streamRevision)).toEqual(Array.from({ length: 50 }, (_, i) => i));
        }
        const reread = (await store.readAll({ from, limit: 100_000 })).filter((e) => writers.includes(e.streamId));
        expect(reread.map((e) => e.eventId)).toEqual(mine.map((e) => e.eventId));
      });

      it('starts after the position it is given', async () => {
        const stream = uniqueStream('placement');
        const first = await store.append(stream, 'no-stream', [newEvent({ n: 1 })]);
        await visible(store, first.position);
        const middle = first.position;
        await store.append(stream, 0, [newEvent({ n: 2 })]);
        const seen = collector();
        const subscription = store.subscribe(seen.handler, { from: middle });
        await seen.until(1);
        await subscription.stop();
        expect(seen.received.filter((e) => e.streamId === stream).map((e) => e.data.n)).toEqual([2]);
      });

      it('from the start delivers the first event ever appended', async () => {
        const [first] = await store.readAll({ from: START, limit: 1 });
        const seen = collector();
        const subscription = store.subscribe(seen.handler, { from: START, batchSize: 1 });
        await seen.until(1);
        await subscription.stop();
        expect(seen.received[0].eventId).toBe(first.eventId);
      });
    });
  });
}

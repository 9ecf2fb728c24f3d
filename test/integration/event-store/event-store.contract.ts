import {
  DuplicateEventIdError, START, WrongExpectedRevisionError, type EventStore, type StoredEvent,
} from '@ledger/event-store';
import { collector, deferred, newEvent, uniqueStream, visible } from './event-store.fixtures';

export type StoreFactory = () => Promise<{ store: EventStore; cleanup(): Promise<void> }>;

export interface ContractOptions {
  /** EventStoreDB makes an event id idempotent within its stream only; the SQL stores refuse it anywhere. */
  readonly refusesEventIdsAcrossStreams?: boolean;
}

/** The behaviour every adapter must have; each adapter's spec file runs it. */
export function describeEventStoreContract(name: string, factory: StoreFactory, options: ContractOptions = {}): void {
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

      it('refuses a stale revision with the actual one and appends nothing', async () => {
        const stream = uniqueStream('placement');
        await store.append(stream, 'no-stream', [newEvent()]);
        await expect(store.append(stream, 5, [newEvent()])).rejects.toThrow(WrongExpectedRevisionError);
        await expect(store.append(stream, 'no-stream', [newEvent()])).rejects.toMatchObject({ code: 'wrong-expected-revision', actual: 0 });
        await expect(store.append(uniqueStream('absent'), 0, [newEvent()])).rejects.toMatchObject({ actual: -1 });
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

    describe('appending event ids seen before', () => {
      it('appends the same event ids at the same place once and answers as the first time', async () => {
        const stream = uniqueStream('placement');
        const events = [newEvent({ n: 1 }), newEvent({ n: 2 })];
        const first = await store.append(stream, 'no-stream', events);
        expect(await store.append(stream, 'no-stream', events)).toEqual(first);
        expect((await store.readStream(stream)).events).toHaveLength(2);
      });

      (options.refusesEventIdsAcrossStreams === false ? it.skip : it)('refuses an event id already appended to another stream', async () => {
        const event = newEvent();
        await store.append(uniqueStream('placement'), 'no-stream', [event]);
        await expect(store.append(uniqueStream('placement'), 'no-stream', [newEvent(), event])).rejects.toThrow(DuplicateEventIdError);
        await expect(store.append(uniqueStream('placement'), 'no-stream', [event])).rejects.toMatchObject({ eventId: event.eventId });
      });
    });

    describe('reading', () => {
      it('answers revision -1 and no events for a stream that does not exist', async () => {
        expect(await store.readStream(uniqueStream('nothing'))).toEqual({ revision: -1, events: [] });
      });

      it('keeps data and metadata exactly, unicode and nesting included', async () => {
        const stream = uniqueStream('placement');
        const event = newEvent({ note: 'Brøther & sister — £1,200 “weekly” 🏠', nested: { list: [1, 'two', { three: null }], deep: { er: true } } });
        const withExtra = { ...event, version: 3, metadata: { ...event.metadata, idempotencyKey: 'key-ü', extra: { why: 'audit' } } };
        await store.append(stream, 'no-stream', [withExtra]);
        const [stored] = (await store.readStream(stream)).events;
        expect(stored).toMatchObject({ eventId: event.eventId, type: event.type, version: 3, data: event.data, metadata: withExtra.metadata });
      });

      it('reads all events in one global order, from a position and in pages', async () => {
        const stream = uniqueStream('placement');
        const before = await store.headPosition();
        await visible(store, (await store.append(stream, 'no-stream', [newEvent({ n: 1 }), newEvent({ n: 2 }), newEvent({ n: 3 })])).position);
        const page1 = await store.readAll({ from: before, limit: 2 });
        expect(page1).toHaveLength(2);
        const page2 = await store.readAll({ from: page1[page1.length - 1].position, limit: 10 });
        expect([...page1, ...page2].filter((e) => e.streamId === stream).map((e) => e.data.n)).toEqual([1, 2, 3]);
        const all = await store.readAll({ limit: 100_000 });
        expect(all.map((e) => e.position)).toEqual([...all.map((e) => e.position)].sort());
        expect(await store.headPosition()).toBe(all[all.length - 1].position);
      });
    });

    describe('a subscriber while eight writers append concurrently', () => {
      it('receives every event exactly once, in each stream’s order, and as readAll reads them afterwards', async () => {
        const from = await store.headPosition();
        const writers = Array.from({ length: 8 }, (_, w) => uniqueStream(`writer${w}`));
        const seen = collector((e) => writers.includes(e.streamId));
        const subscription = store.subscribe(seen.handler, { from, batchSize: 37 });
        await Promise.all(writers.map(async (stream) => {
          for (let i = 0; i < 50; i++) await store.append(stream, i === 0 ? 'no-stream' : i - 1, [newEvent({ i })]);
        }));
        await seen.until(400);
        await subscription.stop();
        expect(seen.received).toHaveLength(400);
        expect(new Set(seen.received.map((e) => e.eventId)).size).toBe(400);
        for (const stream of writers) {
          expect(seen.received.filter((e) => e.streamId === stream).map((e) => e.streamRevision)).toEqual(Array.from({ length: 50 }, (_, i) => i));
        }
        const reread = (await store.readAll({ from, limit: 100_000 })).filter((e) => writers.includes(e.streamId));
        expect(reread.map((e) => e.eventId)).toEqual(seen.received.map((e) => e.eventId));
      });
    });

    describe('subscribing', () => {
      it('starts after the position it is given', async () => {
        const stream = uniqueStream('placement');
        const first = await store.append(stream, 'no-stream', [newEvent({ n: 1 })]);
        await visible(store, first.position);
        await store.append(stream, 0, [newEvent({ n: 2 }), newEvent({ n: 3 })]);
        const seen = collector((e) => e.streamId === stream);
        const subscription = store.subscribe(seen.handler, { from: first.position });
        await seen.until(2);
        await subscription.stop();
        expect(seen.received.map((e) => e.data.n)).toEqual([2, 3]);
      });

      it('from the start delivers the first event ever appended', async () => {
        const [first] = await store.readAll({ from: START, limit: 1 });
        const seen = collector();
        const subscription = store.subscribe(seen.handler, { from: START, batchSize: 1 });
        await seen.until(1);
        await subscription.stop();
        expect(seen.received[0].eventId).toBe(first.eventId);
      });

      it('stop() resolves only after the handler in flight has finished', async () => {
        const from = await store.headPosition();
        const entered = deferred();
        const gate = deferred();
        const log: string[] = [];
        const subscription = store.subscribe(async () => {
          entered.resolve();
          await gate.promise;
          log.push('handler finished');
        }, { from });
        await store.append(uniqueStream('placement'), 'no-stream', [newEvent()]);
        await entered.promise;
        const stopping = subscription.stop().then(() => log.push('stopped'));
        gate.resolve();
        await stopping;
        expect(log).toEqual(['handler finished', 'stopped']);
      });

      it('stops at a handler that throws and hands the cause to onError', async () => {
        const from = await store.headPosition();
        const failed = deferred<unknown>();
        const batches: (readonly StoredEvent[])[] = [];
        const subscription = store.subscribe(async (batch) => {
          batches.push(batch);
          throw new Error('projection broke');
        }, { from, onError: failed.resolve });
        await store.append(uniqueStream('placement'), 'no-stream', [newEvent()]);
        await expect(failed.promise).resolves.toMatchObject({ message: 'projection broke' });
        await subscription.stop();
        expect(batches).toHaveLength(1);
      });
    });
  });
}

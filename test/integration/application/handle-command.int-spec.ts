import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConcurrencyConflictError, handleCommand, ManualClock, PreconditionFailedError, type StreamModel } from '@ledger/application';
import { openEventStorage, type EventStore, type ReadStreamResult } from '@ledger/event-store';
import { createTestDatabase } from '../../support/postgres';

type Counter = { readonly count: number };
type Counted = { readonly type: 'Counted'; readonly data: { readonly by: number } };

const counter: StreamModel<Counter, Counted> = {
  initialState: { count: 0 },
  evolve: (state, event) => ({ count: state.count + event.data.by }),
  upcast: (stored) => ({ type: 'Counted', data: stored.data as { by: number } }),
  versionOf: () => 1,
};

const envelope = { actor: { id: 'tester', role: 'commissioner' as const }, correlationId: 'c', causationId: 'c' };

/** Holds every reader at a barrier until `parties` have read, so racing writers truly read the same revision. */
function withReadBarrier(store: EventStore, parties: number): EventStore {
  let arrived = 0;
  let release!: () => void;
  const allRead = new Promise<void>((resolve) => (release = resolve));
  return Object.assign(Object.create(store) as EventStore, {
    async readStream(streamId: string): Promise<ReadStreamResult> {
      const result = await store.readStream(streamId);
      arrived += 1;
      if (arrived === parties) release();
      await allRead;
      return result;
    },
  });
}

describe('the command-handler shape on PostgreSQL', () => {
  let store: EventStore;
  let close: () => Promise<void>;
  const clock = new ManualClock(new Date('2026-11-23T10:00:00Z'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-handle-'));

  beforeAll(async () => {
    const database = await createTestDatabase();
    const storage = await openEventStorage({ dataDir, databaseUrl: database.url });
    store = storage.eventStore;
    close = async () => {
      await storage.close();
      await database.drop();
    };
  });
  afterAll(() => close());

  const add = (s: EventStore, streamId: string, by: number, options: { maxRetries?: number; ifMatch?: number } = {}) =>
    handleCommand(s, clock, {
      streamId, model: counter, envelope, mustExist: false, maxRetries: options.maxRetries ?? 0, ifMatch: options.ifMatch,
      decide: () => [{ type: 'Counted', data: { by } }],
    });

  it('lets exactly one of two writers that read the same revision win; the other gets a conflict', async () => {
    const racing = withReadBarrier(store, 2);
    const results = await Promise.allSettled([add(racing, 'counter-race', 1), add(racing, 'counter-race', 2)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [loser] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(loser.reason).toBeInstanceOf(ConcurrencyConflictError);
    expect((await store.readStream('counter-race')).events).toHaveLength(1);
  });

  it('re-reads and re-decides on a conflict when retries are allowed, losing no update', async () => {
    const racing = withReadBarrier(store, 2);
    await Promise.all([add(racing, 'counter-retry', 1, { maxRetries: 2 }), add(racing, 'counter-retry', 2, { maxRetries: 2 })]);
    const stream = await store.readStream('counter-retry');
    expect(stream.events.map((e) => (e.data as { by: number }).by).sort()).toEqual([1, 2]);
  });

  it('refuses a stale If-Match revision without appending', async () => {
    await add(store, 'counter-if-match', 1);
    await expect(add(store, 'counter-if-match', 1, { ifMatch: 3 })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await store.readStream('counter-if-match')).revision).toBe(0);
  });

  it('stamps every event with actor, role, recordedAt, correlation and causation', async () => {
    await add(store, 'counter-meta', 5);
    const [event] = (await store.readStream('counter-meta')).events;
    expect(event.metadata).toMatchObject({
      actorId: 'tester', actorRole: 'commissioner', recordedAt: '2026-11-23T10:00:00.000Z', correlationId: 'c', causationId: 'c',
    });
  });

  it('finds, rather than repeats, what an earlier run under the same Idempotency-Key appended (its process died before answering)', async () => {
    const keyed = (by: number, actorId = 'tester') => handleCommand(store, clock, {
      streamId: 'counter-keyed', model: counter, mustExist: false, maxRetries: 0,
      envelope: { ...envelope, actor: { ...envelope.actor, id: actorId }, idempotencyKey: 'retry-after-a-crash' },
      decide: () => [{ type: 'Counted', data: { by } }],
    });
    const first = await keyed(1);
    await add(store, 'counter-keyed', 10);
    const again = await keyed(1);
    expect(again).toMatchObject({ revision: first.revision, state: { count: 1 }, position: first.position });
    expect(again.events).toEqual(first.events);
    // The key is the actor's own: another person's request under the same key is a request of its own.
    await keyed(1, 'someone-else');
    expect((await store.readStream('counter-keyed')).events.map((e) => (e.data as { by: number }).by)).toEqual([1, 10, 1]);
  });
});

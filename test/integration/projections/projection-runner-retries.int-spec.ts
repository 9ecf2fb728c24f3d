import { randomUUID } from 'node:crypto';
import { SqlEventStore, type StoredEvent } from '@ledger/event-store';
import { ProjectionRunner, type Projection } from '@ledger/projections';
import { createTestEmbeddedDatabase } from '../../support/embedded';

const metadata = { actorId: 'ann', actorRole: 'commissioner', recordedAt: '2026-11-23T10:00:00.000Z', correlationId: 'c', causationId: 'c' };

/** A read model whose database fails its first `failures` batches, as one cut mid-batch would. */
function flakyProjection(failures: number): Projection & { readonly seen: StoredEvent[] } {
  let left = failures;
  const seen: StoredEvent[] = [];
  return {
    name: 'flaky', seen,
    migrate: async () => undefined,
    reset: async () => undefined,
    foldOver: async () => {
      if (left-- > 0) throw new Error('Connection terminated unexpectedly');
      return { add: (events) => { seen.push(...events); }, takeWrite: () => async () => undefined };
    },
    foldFromEmpty: () => ({ add: (events) => { seen.push(...events); }, takeWrite: () => async () => undefined }),
  };
}

describe('a read model whose batch fails (the database went away mid-batch)', () => {
  it('is applied once the database answers again, and the failure is no longer reported', async () => {
    const { db, drop } = await createTestEmbeddedDatabase();
    const store = await SqlEventStore.open(db);
    const projection = flakyProjection(3);
    const runner = new ProjectionRunner(store, db, [projection]);
    try {
      const { position } = await store.append(`placement-${randomUUID()}`, 'no-stream', [
        { eventId: randomUUID(), type: 'PlacementRequested', version: 1, data: { n: 1 }, metadata },
      ]);
      await runner.start();
      expect(await runner.waitFor(position, 20_000)).toBe(true);
      expect(projection.seen.map((e) => e.position)).toEqual([position]);
      expect(runner.lastError).toBeUndefined();
    } finally {
      await runner.stop();
      await store.close();
      await drop();
    }
  });
});

import * as os from 'node:os';
import { Client } from 'pg';
import { openEventStorage, type EventStorage } from '@ledger/event-store';
import { createTestDatabase } from '../../support/postgres';
import { collector, describeEventStoreContract, newEvent, uniqueStream } from './event-store.contract';

describeEventStoreContract('PostgreSQL', async () => {
  const database = await createTestDatabase();
  const storage = await openEventStorage({ dataDir: os.tmpdir(), databaseUrl: database.url });
  return {
    store: storage.eventStore,
    cleanup: async () => {
      await storage.close();
      await database.drop();
    },
  };
});

describe('a PostgreSQL writer whose transaction commits after a later writer', () => {
  let storage: EventStorage;
  let drop: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
    storage = await openEventStorage({ dataDir: os.tmpdir(), databaseUrl: url });
  });
  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('is neither skipped nor delivered out of order: readers wait behind the open transaction', async () => {
    const store = storage.eventStore;
    const from = await store.headPosition();
    const seen = collector();
    const subscription = store.subscribe(seen.handler, { from });
    const slow = new Client({ connectionString: url });
    await slow.connect();
    const late = newEvent({ writer: 'slow' });
    const early = newEvent({ writer: 'fast' });
    try {
      await slow.query('BEGIN');
      await slow.query('SELECT * FROM ledger_append($1, -1, $2::jsonb)', [uniqueStream('slow'), JSON.stringify([late])]);
      await store.append(uniqueStream('fast'), 'no-stream', [early]);
      // The fast writer has committed, but a reader must not move past the slow one's transaction.
      expect((await store.readAll({ from })).map((e) => e.eventId)).toEqual([]);
      await slow.query('COMMIT');
    } finally {
      await slow.end();
    }
    await seen.until(2);
    await subscription.stop();
    expect(seen.received.map((e) => e.eventId)).toEqual([late.eventId, early.eventId]);
    expect((await store.readAll({ from })).map((e) => e.eventId)).toEqual([late.eventId, early.eventId]);
  });
});

import { Client } from 'pg';
import { EVENTS_CHANNEL, openPostgresDatabase, SqlEventStore, type SqlDatabase } from '@ledger/event-store';
import { createTestDatabase } from '../../support/postgres';
import { describeEventStoreContract } from './event-store.contract';
import { collector, newEvent, uniqueStream } from './event-store.fixtures';

describeEventStoreContract('PostgreSQL', async () => {
  const database = await createTestDatabase();
  const db = await openPostgresDatabase(database.url);
  const store = await SqlEventStore.open(db);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await db.close();
      await database.drop();
    },
  };
});

describe('PostgreSQL writers on their own connections whose transactions commit out of order', () => {
  let drop: () => Promise<void>;
  let url: string;
  let db: SqlDatabase;
  let store: SqlEventStore;
  const writers: Client[] = [];

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
    db = await openPostgresDatabase(url);
    store = await SqlEventStore.open(db);
  });
  afterAll(async () => {
    await Promise.all(writers.map((writer) => writer.end()));
    await store.close();
    await db.close();
    await drop();
  });

  const connect = async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    writers.push(client);
    return client;
  };
  const appendInOpenTransaction = async (client: Client, stream: string, expected: number, event: ReturnType<typeof newEvent>) => {
    await client.query('BEGIN');
    await client.query('SELECT * FROM ledger_append($1, $2, $3::jsonb)', [stream, expected, JSON.stringify([event])]);
  };

  it('delivers the earliest writer’s event first, never skipping it, though later writers committed before it', async () => {
    const from = await store.headPosition();
    const seen = collector();
    const subscription = store.subscribe(seen.handler, { from, batchSize: 2 });
    const slow = await Promise.all([0, 1, 2, 3].map(() => connect()));
    const held = slow.map((_, i) => newEvent({ writer: `held-${i}` }));
    for (const [i, client] of slow.entries()) await appendInOpenTransaction(client, uniqueStream('held'), -1, held[i]);
    const fast = newEvent({ writer: 'fast' });
    await store.append(uniqueStream('fast'), 'no-stream', [fast]);
    for (const client of slow.slice(1).reverse()) await client.query('COMMIT');

    // Everything but the first held writer has committed; a reader must not move past it.
    expect(await store.readAll({ from })).toEqual([]);
    const [{ naive }] = await db.query<{ naive: string }>('SELECT max(global_position)::text AS naive FROM ledger_events');
    await slow[0].query('COMMIT');
    const naiveReaderSees = await db.query<{ id: string }>('SELECT event_id::text AS id FROM ledger_events WHERE global_position > $1', [naive]);
    expect(naiveReaderSees.map((row) => row.id)).not.toContain(held[0].eventId);

    await seen.until(5);
    await subscription.stop();
    const expected = [...held, fast].map((e) => e.eventId);
    expect(seen.received.map((e) => e.eventId)).toEqual(expected);
    expect((await store.readAll({ from })).map((e) => e.eventId)).toEqual(expected);
  });

  it("refuses, for a retry, an 'any' append whose transaction is older than the stream's last writer", async () => {
    const stream = uniqueStream('placement');
    const [older, younger] = [await connect(), await connect()];
    await older.query('BEGIN');
    await older.query('SELECT pg_current_xact_id()');
    await appendInOpenTransaction(younger, stream, -2, newEvent({ by: 'younger' }));
    const waiting = older.query('SELECT * FROM ledger_append($1, -2, $2::jsonb)', [stream, JSON.stringify([newEvent({ by: 'older' })])]);
    await younger.query('COMMIT');
    await expect(waiting).rejects.toMatchObject({ code: 'LE003' });
    await older.query('ROLLBACK');
    expect((await store.append(stream, 'any', [newEvent({ by: 'retry' })])).nextRevision).toBe(1);
    expect((await store.readStream(stream)).events.map((e) => e.data.by)).toEqual(['younger', 'retry']);
  });
});

describe('several processes opening one fresh PostgreSQL database at once', () => {
  it('migrate it once, without tripping over each other', async () => {
    const { url, drop } = await createTestDatabase();
    const dbs = await Promise.all([1, 2, 3, 4].map(() => openPostgresDatabase(url)));
    try {
      const stores = await Promise.all(dbs.map((db) => SqlEventStore.open(db)));
      await stores[0].append(uniqueStream('placement'), 'no-stream', [newEvent()]);
      expect(await dbs[3].query("SELECT version FROM schema_migrations WHERE component = 'event-store' ORDER BY version")).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
      await Promise.all(stores.map((store) => store.close()));
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await drop();
    }
  });
});

describe('appends to a new, never analysed event table', () => {
  it('find event ids by index, never by reading the whole table', async () => {
    const { url, drop } = await createTestDatabase();
    // One connection, so the statistics read below are those of the backend that appended.
    const db = await openPostgresDatabase(url, 1);
    const store = await SqlEventStore.open(db);
    const sequentialScans = async () => {
      await db.query('SELECT pg_stat_force_next_flush()');
      const [row] = await db.query<{ n: string }>("SELECT seq_scan::text AS n FROM pg_stat_user_tables WHERE relname = 'ledger_events'");
      return Number(row.n);
    };
    try {
      const before = await sequentialScans();
      // More appends than PL/pgSQL needs to settle on a generic plan (5), on streams of their own and one shared.
      for (let i = 0; i < 40; i++) {
        await store.append(uniqueStream('fresh'), 'no-stream', [newEvent()]);
        await store.append('shared', i === 0 ? 'no-stream' : i - 1, [newEvent()]);
      }
      expect(await sequentialScans()).toBe(before);
    } finally {
      await store.close();
      await db.close();
      await drop();
    }
  });
});

/** A store on a fresh database and a connection of another process listening on its channel, counting. */
async function withListener(work: (store: SqlEventStore, listener: Client, notified: () => number) => Promise<void>): Promise<void> {
  const { url, drop } = await createTestDatabase();
  const db = await openPostgresDatabase(url);
  const store = await SqlEventStore.open(db);
  const listener = new Client({ connectionString: url });
  await listener.connect();
  try {
    let count = 0;
    listener.on('notification', () => count++);
    await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
    await work(store, listener, () => count);
  } finally {
    await listener.end();
    await db.close();
    await drop();
  }
}

describe('another process on the same PostgreSQL', () => {
  it('is notified after an append commits, once or twice for a burst rather than once per append', () => withListener(async (store, listener, notified) => {
    const first = new Promise<void>((resolve) => listener.once('notification', () => resolve()));
    await Promise.all(Array.from({ length: 20 }, () => store.append(uniqueStream('burst'), 'no-stream', [newEvent()])));
    await first;
    await store.close(); // waits for the notification in flight
    await listener.query('SELECT 1'); // the server delivers pending notifications before this answer
    expect(notified()).toBeGreaterThanOrEqual(1);
    expect(notified()).toBeLessThan(20);
  }));

  it('hears of one writer\'s appends in a row together, not once per append', () => withListener(async (store, listener, notified) => {
    // Each append waits for the one before, so none is in flight with another: before, each got a NOTIFY.
    for (let i = 0; i < 100; i++) await store.append(uniqueStream('in-a-row'), 'no-stream', [newEvent()]);
    await store.close(); // announces what came in the last gap
    await listener.query('SELECT 1');
    expect(notified()).toBeGreaterThanOrEqual(1);
    expect(notified()).toBeLessThan(50);
  }));
});

import { openPostgresDatabase, type SqlDatabase } from '@ledger/event-store';
import { createTestDatabase } from '../../support/postgres';

describe('a PostgreSQL connection lost inside a transaction', () => {
  let drop: () => Promise<void>;
  let db: SqlDatabase;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    db = await openPostgresDatabase(database.url);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  it('fails that transaction alone: no uncaught error, and the next statement gets a fresh connection', async () => {
    // The server ends the session mid-transaction, as pg_terminate_backend does in a database outage; the
    // client's "Connection terminated unexpectedly" used to be emitted with nobody listening, ending the process.
    await expect(db.transaction((tx) => tx.query('SELECT pg_terminate_backend(pg_backend_pid())'))).rejects.toThrow(/terminating connection/);
    await expect(db.query<{ n: number }>('SELECT 1 AS n')).resolves.toEqual([{ n: 1 }]);
  });
});

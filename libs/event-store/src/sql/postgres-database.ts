import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client, Pool, type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyStatement, preparedNameOf, type SqlDatabase, type SqlExecutor } from './sql-database';

/** A write transaction left open holds back every reader's horizon: cap it. */
const IDLE_IN_TRANSACTION_MS = 60_000;

const ignoreLostConnection = (): void => undefined;

export async function openPostgresDatabase(url: string, poolSize = 10): Promise<SqlDatabase> {
  // JIT compiles a statement whose estimated cost is high, as every lookup's is on a table not yet analysed:
  // about 100 ms of compiling for a statement that runs in a few. The ledger's statements are all short.
  const pool = new Pool({ connectionString: url, max: poolSize, options: `-c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_MS} -c jit=off` });
  pool.on('error', () => undefined); // an idle client dropped by the server is replaced on next use
  await pool.query('SELECT 1');
  const listeners: Client[] = [];

  const run = async <R>(executor: Pool | PoolClient, sql: string, params?: readonly unknown[]): Promise<R[]> => {
    const name = preparedNameOf(sql);
    const values = params as unknown[] | undefined;
    return (await (name === undefined ? executor.query(sql, values) : executor.query({ name, text: sql, values }))).rows as R[];
  };

  const copy = (client: PoolClient, table: string, columns: readonly string[], rows: string): Promise<void> =>
    pipeline(Readable.from([Buffer.from(rows)]), client.query(copyFrom(copyStatement(table, columns, 'STDIN'))));

  /** Runs `work` on a client checked out of the pool, released however `work` ends. */
  const withClient = async <T>(work: (client: PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    // A checked-out client's lost connection is emitted on the client, not the pool: unheard, it would be an
    // uncaught exception that ends the process. The statement in flight fails with it anyway, and the pool
    // drops the dead client on release.
    client.on('error', ignoreLostConnection);
    try {
      return await work(client);
    } finally {
      client.removeListener('error', ignoreLostConnection);
      client.release();
    }
  };

  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    copyRows: (table, columns, rows) => withClient((client) => copy(client, table, columns, rows)),
    transaction: (work) => withClient(async (client) => {
      await client.query('BEGIN');
      try {
        const tx: SqlExecutor = { query: (sql, params) => run(client, sql, params), copyRows: (table, columns, rows) => copy(client, table, columns, rows) };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }),
    async listen(channel, onNotify) {
      const client = new Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      await client.query(`LISTEN ${channel}`);
      listeners.push(client);
      return async () => {
        listeners.splice(listeners.indexOf(client), 1);
        await client.end().catch(() => undefined);
      };
    },
    async close() {
      await Promise.all(listeners.splice(0).map((client) => client.end().catch(() => undefined)));
      await pool.end();
    },
  };
}

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * A throwaway database on the PostgreSQL at DATABASE_URL (an admin URL; `npm test` starts one).
 * Fails, never skips, when DATABASE_URL is unset: integration tests run against real PostgreSQL.
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.DATABASE_URL;
  if (admin === undefined || admin === '') {
    throw new Error('DATABASE_URL is not set: run the tests with `npm test`, which starts a throwaway PostgreSQL');
  }
  const name = `ledger_test_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

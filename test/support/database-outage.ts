import { Client } from 'pg';

/** The admin URL of the shared PostgreSQL (DATABASE_URL); fails, never skips, when unset. */
export function adminDatabaseUrl(): string {
  const admin = process.env.DATABASE_URL;
  if (admin === undefined || admin === '') {
    throw new Error('DATABASE_URL is not set: run with `npm test` or `npm run reliability`, which start a throwaway PostgreSQL');
  }
  return admin;
}

/** The database a connection URL names. */
export const databaseNameOf = (url: string): string => new URL(url).pathname.slice(1);

async function onAdmin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * An outage of one database of the shared server, never of the server itself: new connections are
 * refused and the ones open are cut. `restoreDatabase` allows connections again.
 */
export async function cutDatabase(name: string): Promise<void> {
  await onAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
  await onAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
}

export async function restoreDatabase(name: string): Promise<void> {
  await onAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
}

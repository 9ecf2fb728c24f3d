import { openPostgresDatabase, type SqlDatabase } from '@ledger/event-store';
import { createTestEmbeddedDatabase } from './embedded';
import { createTestDatabase } from './postgres';

/** A new empty SQL database of either kind, and a function that closes and removes it. */
export async function createTestSqlDatabase(kind: 'embedded' | 'postgres'): Promise<{ db: SqlDatabase; drop: () => Promise<void> }> {
  if (kind === 'embedded') return createTestEmbeddedDatabase();
  const database = await createTestDatabase();
  const db = await openPostgresDatabase(database.url);
  return { db, drop: async () => { await db.close(); await database.drop(); } };
}

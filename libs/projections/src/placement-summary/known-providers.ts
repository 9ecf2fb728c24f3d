import type { Provider } from '@ledger/domain';
import type { SqlExecutor } from '@ledger/event-store';

/**
 * Providers the ledger has commissioned from, one per provider id, as last recorded (the latest
 * commission's Ofsted grade and distance, by its place in the log), by name. For the commission form's choice of provider.
 */
export async function listKnownProviders(db: SqlExecutor): Promise<Provider[]> {
  const rows = await db.query<{ provider: Provider }>(
    `SELECT provider FROM (
       SELECT DISTINCT ON (provider->>'id') provider
         FROM placement_summary WHERE provider IS NOT NULL
        ORDER BY provider->>'id', commissioned_position DESC) latest
      ORDER BY provider->>'name', provider->>'id'`,
  );
  return rows.map(({ provider }) => ({
    id: provider.id, name: provider.name, type: provider.type, ofstedGrade: provider.ofstedGrade, distanceMiles: Number(provider.distanceMiles),
  }));
}

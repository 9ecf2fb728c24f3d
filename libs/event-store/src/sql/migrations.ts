import type { SqlDatabase } from './sql-database';

/** One schema step of a component. Statements should be idempotent (`IF NOT EXISTS`, `OR REPLACE`). */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly statements: readonly string[];
}

const MIGRATIONS_DDL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  component text NOT NULL,
  version int NOT NULL,
  description text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (component, version))`;

/** Arbitrary constant: every process migrating this database queues on the same advisory lock. */
const MIGRATION_LOCK = 7_301_944_112;

/**
 * Applies the component's migrations not yet recorded in `schema_migrations`, each in its own
 * transaction. An API and a worker starting together against one PostgreSQL would otherwise race
 * on `CREATE ... IF NOT EXISTS` (which is not safe concurrently): the advisory lock serialises them.
 */
export async function migrate(db: SqlDatabase, component: string, migrations: readonly Migration[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(MIGRATIONS_DDL);
  });
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE component = $1 AND version = $2', [component, migration.version]);
      if (done.length > 0) return;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (component, version, description) VALUES ($1, $2, $3)',
        [component, migration.version, migration.description]);
    });
  }
}

import type { EventStore } from './event-store.port';
import { EventStoreDbStore } from './eventstoredb/eventstoredb-store';
import { openEmbeddedDatabase } from './sql/embedded-database';
import { openPostgresDatabase } from './sql/postgres-database';
import type { SqlDatabase } from './sql/sql-database';
import { SqlEventStore } from './sql/sql-event-store';

export interface StorageConfig {
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly eventStoreConnectionString?: string;
}

export interface EventStorage {
  readonly eventStore: EventStore;
  /** Where read models and idempotency keys live: PostgreSQL when configured, else the embedded database. */
  readonly database: SqlDatabase;
  close(): Promise<void>;
}

const isSet = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/**
 * EventStoreDB when its connection string is set, else PostgreSQL when `databaseUrl` is set, else
 * embedded. With EventStoreDB, read models go to `databaseUrl` if set, else the embedded database.
 */
export async function openEventStorage(config: StorageConfig): Promise<EventStorage> {
  const database = isSet(config.databaseUrl) ? await openPostgresDatabase(config.databaseUrl) : await openEmbeddedDatabase(config.dataDir);
  try {
    const eventStore = isSet(config.eventStoreConnectionString)
      ? await EventStoreDbStore.open(config.eventStoreConnectionString)
      : await SqlEventStore.open(database);
    return {
      eventStore, database,
      close: async () => {
        await eventStore.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

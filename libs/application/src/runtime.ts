import { openEventStorage, type EventStore, type SqlDatabase } from '@ledger/event-store';
import {
  issuedReportsProjection, LedgerReader, placementSummaryProjection, ProjectionRunner, recordedHistoryProjection, reviewNotificationsProjection, type Projection,
} from '@ledger/projections';
import type { Clock } from './clock';
import type { LedgerConfig } from './config/ledger-config';
import { IdempotencyStore } from './idempotency/idempotency-store';
import { notificationChannel, type NotificationChannel } from './notifications/notification-channels';

/** The read models every process keeps; issue-by-issue additions go in this one list. */
export const READ_MODELS: readonly Projection[] = [placementSummaryProjection, issuedReportsProjection, reviewNotificationsProjection, recordedHistoryProjection];

/** Storage, read models and idempotency keys for one process, opened once and closed once. */
export interface LedgerRuntime {
  readonly config: LedgerConfig;
  readonly clock: Clock;
  readonly eventStore: EventStore;
  readonly database: SqlDatabase;
  readonly projections: ProjectionRunner;
  readonly idempotency: IdempotencyStore;
  /** The ledger as known at an instant, for the returns, forecast and compliance. */
  readonly ledger: LedgerReader;
  /** Where review notifications are delivered. */
  readonly notifications: NotificationChannel;
  close(): Promise<void>;
}

export async function openLedgerRuntime(
  config: LedgerConfig,
  clock: Clock,
  options: { startProjections?: boolean } = {},
): Promise<LedgerRuntime> {
  const storage = await openEventStorage({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    eventStoreConnectionString: config.eventStoreConnectionString,
  });
  try {
    const projections = new ProjectionRunner(storage.eventStore, storage.database, READ_MODELS);
    const idempotency = new IdempotencyStore(storage.database);
    const notifications = notificationChannel(config);
    await idempotency.migrate();
    if (options.startProjections ?? true) await projections.start();
    else await projections.migrate();
    return {
      config, clock, eventStore: storage.eventStore, database: storage.database, projections, idempotency,
      ledger: new LedgerReader(storage.eventStore, () => projections.position, storage.database),
      notifications,
      close: async () => {
        await notifications.close();
        await projections.stop();
        await storage.close();
      },
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}

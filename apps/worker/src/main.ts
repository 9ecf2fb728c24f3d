import 'reflect-metadata';
import { BullMqScheduler, ConfigError, keepHeapNearLiveSize, loadConfig, openLedgerRuntime, systemClock, JOB_HANDLERS } from '@ledger/application';

/**
 * The worker for server deployments: keeps the read models projected and runs the scheduled jobs from
 * BullMQ, in a process of its own. It needs Redis, and a store another process can share (PostgreSQL
 * or EventStoreDB): the embedded store belongs to the one process that opened it, the API.
 */
async function main(): Promise<void> {
  keepHeapNearLiveSize();
  const config = loadConfig();
  if (config.redisUrl === undefined) throw new ConfigError('The worker runs jobs from BullMQ: set REDIS_URL (without Redis, `npm start` runs the jobs in-process)');
  if (config.databaseUrl === undefined && config.eventStoreConnectionString === undefined) {
    throw new ConfigError('The worker needs a shared store: set DATABASE_URL (or EVENTSTORE_CONNECTION_STRING); the embedded store is the API\'s alone');
  }
  const runtime = await openLedgerRuntime(config, systemClock);
  const log = (message: string, error?: unknown) => process.stderr.write(`${message}${error ? `: ${error instanceof Error ? error.message : String(error)}` : ''}\n`);
  const scheduler = new BullMqScheduler(runtime, JOB_HANDLERS, { redisUrl: config.redisUrl }, log);
  // Signals are handled from the start, so a stop that arrives while starting still closes cleanly.
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await scheduler.stop();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await scheduler.start();
  process.stdout.write(`Worker running: read models on ${runtime.database.kind}, jobs on BullMQ (renewal sweep "${config.renewalSweepCron}", weekly report "${config.weeklyReportCron}", ${config.timeZone}).\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`The worker could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

/**
 * A projector in a process of its own, for the kill-and-restart test: it projects in tiny batches
 * and says "batch" after each commit, so the parent can SIGKILL it at an arbitrary point.
 * Usage: node dist/test/support/projector-child.js <dataDir> [databaseUrl]
 */
import { READ_MODELS } from '@ledger/application';
import { openEventStorage } from '@ledger/event-store';
import { ProjectionRunner } from '@ledger/projections';

async function main(): Promise<void> {
  const [dataDir, databaseUrl] = process.argv.slice(2);
  const storage = await openEventStorage({ dataDir, databaseUrl: databaseUrl || undefined });
  const runner = new ProjectionRunner(storage.eventStore, storage.database, READ_MODELS, 3);
  await runner.migrate();
  const original = runner.applyBatch.bind(runner);
  runner.applyBatch = async (events) => {
    await original(events);
    process.stdout.write('batch\n');
  };
  await runner.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});

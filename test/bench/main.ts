import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openEventStorage } from '@ledger/event-store';
import { createTestDatabase } from '../support/postgres';
import { measureAppends, measureScan, type AppendFigures } from './append.bench';
import { machineDetails, mib, PeakMemory } from './machine';
import { benchScale, type Scale } from './scale.bench';

const COUNCIL: Scale = { name: 'One council', placements: 450, years: 5, termDays: 56, requestsPerEndpoint: 30 };
const NATIONAL: Scale = { name: 'National view', placements: 20_000, years: 5, termDays: 28, requestsPerEndpoint: 10 };

const row = (f: AppendFigures) =>
  `  ${f.label.padEnd(44)} ${f.eventsPerSecond.toFixed(0).padStart(8)} events/s   append latency p50 ${f.p50.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms   (${f.events} events in ${f.seconds.toFixed(2)} s)`;

async function benchAdapter(kind: string, config: { dataDir: string; databaseUrl?: string; eventStoreConnectionString?: string }) {
  const storage = await openEventStorage(config);
  try {
    process.stdout.write(`\n${kind} (${storage.eventStore.kind})\n`);
    for (const options of [
      { label: '1 writer, 1 event per append', appends: 2000, writers: 1, perAppend: 1 },
      { label: '4 writers, 1 event per append', appends: 2000, writers: 4, perAppend: 1 },
      { label: '8 writers, 1 event per append', appends: 2000, writers: 8, perAppend: 1 },
      { label: '8 writers, 10 events per append', appends: 800, writers: 8, perAppend: 10 },
      { label: '1 writer, 50 events per append', appends: 200, writers: 1, perAppend: 50 },
    ]) {
      process.stdout.write(`${row(await measureAppends(storage.eventStore, options.label, options))}\n`);
    }
    const scan = await measureScan(storage.eventStore);
    process.stdout.write(`  ${'read all + parse'.padEnd(44)} ${scan.eventsPerSecond.toFixed(0).padStart(8)} events/s   (${scan.events} events)\n`);
  } finally {
    await storage.close();
  }
}

async function main(): Promise<void> {
  const memory = new PeakMemory();
  process.stdout.write(`The placement ledger: benchmarks\n${machineDetails()}\n`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
  try {
    await benchAdapter('embedded store (PGlite, in-process, folder on local disk)', { dataDir });
    if (process.env.DATABASE_URL) {
      // A database of its own, dropped afterwards: the bench never writes into a council's ledger.
      const database = await createTestDatabase();
      try {
        await benchAdapter('PostgreSQL store', { dataDir, databaseUrl: database.url });
      } finally {
        await database.drop();
      }
    } else process.stdout.write('\nPostgreSQL store: not measured (DATABASE_URL unset)\n');
    if (process.env.EVENTSTORE_CONNECTION_STRING) {
      await benchAdapter('EventStoreDB store', { dataDir, eventStoreConnectionString: process.env.EVENTSTORE_CONNECTION_STRING });
    } else {
      process.stdout.write('\nEventStoreDB store: not measured (EVENTSTORE_CONNECTION_STRING unset; no server can run here)\n');
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const scales = process.argv.includes('--quick') ? [] : process.argv.includes('--council') ? [COUNCIL] : process.argv.includes('--national') ? [NATIONAL] : [COUNCIL, NATIONAL];
  // The embedded store serves one council (and the demo); the national view is measured on PostgreSQL.
  for (const scale of scales) {
    if (scale === COUNCIL) await benchScale(scale, 'embedded');
    if (process.env.DATABASE_URL) await benchScale(scale, 'postgres');
    else process.stdout.write(`\n${scale.name} on PostgreSQL: not measured (DATABASE_URL unset)\n`);
  }
  process.stdout.write(`\npeak resident memory: ${mib(memory.stop())}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

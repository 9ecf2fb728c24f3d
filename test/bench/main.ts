import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openEventStorage } from '@ledger/event-store';
import { createTestDatabase } from '../support/postgres';
import { ledgerPages, measureAppends, measureScan, type AppendFigures } from './append.bench';
import { benchAgainstPeer } from './peer.bench';
import { machineDetails, mib, PeakMemory } from './machine';
import { benchRange } from './range.bench';
import { benchScale, type Scale, type ScaleFigures } from './scale.bench';

const COUNCIL: Scale = { name: 'One council', placements: 450, years: 5, termDays: 56, requestsPerEndpoint: 30 };
const NATIONAL: Scale = { name: 'National view', placements: 20_000, years: 5, termDays: 28, requestsPerEndpoint: 30 };
/** Between the two, on the national view's terms, to show how cost grows with placements. */
const GROWTH: readonly Scale[] = [2_000, 5_000].map((placements) => ({ name: `${placements.toLocaleString('en-GB')} placements`, placements, years: 5, termDays: 28, requestsPerEndpoint: 30 }));

/** The issue's goals for the read side at every scale: p99 in ms per query, and rebuild against a plain scan. */
const QUERY_GOALS_MS: readonly [string, number][] = [
  ['weekly return', 50], ['monthly return', 50], ['quarterly return', 50], ['weekly return as at a past instant', 50],
  ['weekly return, right after a write', 50], ['quarterly return, right after a write', 50], ['weekly return as at a past instant, right after a write', 50],
  ['forecast', 100], ['compliance', 100], ['forecast, right after a write', 100], ['compliance, right after a write', 100],
];

function growthSummary(runs: readonly ScaleFigures[]): string {
  const head = `  ${'p99 (goal)'.padEnd(62)}${runs.map((r) => `${fmtInt(r.scale.placements)} placements`.padStart(20)).join('')}`;
  const rows = QUERY_GOALS_MS.map(([label, goal]) => `  ${`${label} (< ${goal} ms)`.padEnd(62)}${runs.map((r) => {
    const ms = r.p99[label];
    return (ms === undefined ? '—' : `${ms.toFixed(1)} ms ${ms < goal ? 'met' : 'NOT met'}`).padStart(20);
  }).join('')}`);
  rows.push(`  ${'rebuild against a plain scan (≥ 80%)'.padEnd(62)}${runs.map((r) => `${(r.rebuildShareOfScan * 100).toFixed(0)}% ${r.rebuildShareOfScan >= 0.8 ? 'met' : 'NOT met'}`.padStart(20)).join('')}`);
  rows.push(`  ${'rebuild, seconds (national < 15 s)'.padEnd(62)}${runs.map((r) => `${r.rebuildSeconds.toFixed(1)} s`.padStart(20)).join('')}`);
  rows.push(`  ${'HTTP commands against bare appends, 8 clients (≥ 0.7×)'.padEnd(62)}${runs.map((r) => `${r.httpShareOfAppends.toFixed(2)}× ${r.httpShareOfAppends >= 0.7 ? 'met' : 'NOT met'}`.padStart(20)).join('')}`);
  rows.push(`  ${'peak resident memory of the API process (national < 512 MiB)'.padEnd(62)}${runs.map((r) => {
    if (r.apiPeakMiB === undefined) return '—'.padStart(20);
    const national = r.scale.placements >= 20_000;
    return `${fmtInt(r.apiPeakMiB)} MiB${national ? (r.apiPeakMiB < 512 ? ' met' : ' NOT met') : ''}`.padStart(20);
  }).join('')}`);
  rows.push(`  ${'events'.padEnd(62)}${runs.map((r) => fmtInt(r.events).padStart(20)).join('')}`);
  return `\nHow cost grows with placements (PostgreSQL)\n${head}\n${rows.join('\n')}\n`;
}

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-GB');

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
    const scan = await measureScan(ledgerPages(storage.eventStore));
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
      if (!process.argv.includes('--no-peer')) await benchAgainstPeer();
    } else process.stdout.write('\nPostgreSQL store: not measured (DATABASE_URL unset)\n');
    if (process.env.EVENTSTORE_CONNECTION_STRING) {
      await benchAdapter('EventStoreDB store', { dataDir, eventStoreConnectionString: process.env.EVENTSTORE_CONNECTION_STRING });
    } else {
      process.stdout.write('\nEventStoreDB store: not measured (EVENTSTORE_CONNECTION_STRING unset; no server can run here)\n');
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  benchRange(process.argv.includes('--quick') ? [2_000] : [2_000, 5_000, 20_000]);
  const scales = process.argv.includes('--quick') ? [] : process.argv.includes('--council') ? [COUNCIL] : process.argv.includes('--national') ? [NATIONAL] : [COUNCIL, ...GROWTH, NATIONAL];
  // The embedded store serves one council (and the demo); the larger ledgers are measured on PostgreSQL.
  const onPostgres: ScaleFigures[] = [];
  for (const scale of scales) {
    if (scale === COUNCIL) await benchScale(scale, 'embedded');
    if (process.env.DATABASE_URL) onPostgres.push(await benchScale(scale, 'postgres'));
    else process.stdout.write(`\n${scale.name} on PostgreSQL: not measured (DATABASE_URL unset)\n`);
  }
  if (onPostgres.length > 0) process.stdout.write(growthSummary(onPostgres));
  process.stdout.write(`\npeak resident memory: ${mib(memory.stop())}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

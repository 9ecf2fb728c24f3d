import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openEventStorage } from '@ledger/event-store';
import { createTestDatabase } from '../support/postgres';
import { ledgerPages, measureAppends, measureScan, type Appender, type AppendFigures, type PageReader } from './append.bench';
import { openEmmettPeer } from './emmett-peer';

/** One side of a comparison, opened on a database of its own. */
interface Side extends Appender, PageReader {
  close(): Promise<void>;
}

type Opener = (url: string) => Promise<Side>;

interface Workload {
  readonly label: string;
  readonly appends: number;
  readonly writers: number;
  readonly perAppend: number;
  /** Events already in the table, so an append that slows as the table grows shows it. */
  readonly preloaded?: number;
}

const WORKLOADS: readonly Workload[] = [
  { label: 'append, 1 client × 1 event', appends: 2000, writers: 1, perAppend: 1 },
  { label: 'append, 8 clients × 1 event', appends: 2000, writers: 8, perAppend: 1 },
  { label: 'append, 8 clients × 10 events', appends: 800, writers: 8, perAppend: 10 },
  { label: 'append, 8 clients × 1 event, 200,000 in the table', appends: 2000, writers: 8, perAppend: 1, preloaded: 200_000 },
];
const ROUNDS = 2;
/** The goals: the ledger's rate at least 1.5 × the peer's, and its p99 under 10 ms with 8 clients. */
const RATE_GOAL = 1.5;
const P99_GOAL_MS = 10;

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

async function onFreshDatabase<T>(open: Opener, work: (side: Side) => Promise<T>): Promise<T> {
  const database = await createTestDatabase();
  const side = await open(database.url);
  try {
    return await work(side);
  } finally {
    await side.close();
    await database.drop();
  }
}

async function preload(side: Appender, events: number): Promise<void> {
  if (events > 0) await measureAppends(side, 'preload', { appends: events / 50, writers: 4, perAppend: 50 });
}

/** Rounds alternate between the two, so drift on a shared machine falls on both alike; rates pool the rounds. */
async function compare(workload: Workload, ledger: Opener, peer: Opener): Promise<{ ledger: AppendFigures[]; peer: AppendFigures[] }> {
  const result = { ledger: [] as AppendFigures[], peer: [] as AppendFigures[] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, open] of [['ledger', ledger], ['peer', peer]] as const) {
      result[name].push(await onFreshDatabase(open, async (side) => {
        await preload(side, workload.preloaded ?? 0);
        return measureAppends(side, workload.label, workload);
      }));
    }
  }
  return result;
}

const pooledRate = (runs: readonly AppendFigures[]) => runs.reduce((e, r) => e + r.events, 0) / runs.reduce((s, r) => s + r.seconds, 0);
const worstP99 = (runs: readonly AppendFigures[]) => Math.max(...runs.map((r) => r.p99));
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

/**
 * The ledger's PostgreSQL store against the pinned peer on the same throwaway server, with the same
 * events and the same concurrency, each run in a fresh database.
 */
export async function benchAgainstPeer(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-peer-'));
  const ledger: Opener = async (url) => {
    const storage = await openEventStorage({ dataDir, databaseUrl: url });
    return { append: (s, e, ev) => storage.eventStore.append(s, e, ev), ...ledgerPages(storage.eventStore), close: () => storage.close() };
  };
  let version = '';
  const peer: Opener = async (url) => {
    const opened = await openEmmettPeer(url);
    version = opened.version;
    return opened;
  };
  try {
    const lines: string[] = [];
    for (const workload of WORKLOADS) {
      const runs = await compare(workload, ledger, peer);
      const ratio = pooledRate(runs.ledger) / pooledRate(runs.peer);
      const p99 = worstP99(runs.ledger);
      const p99Goal = workload.writers === 8 ? `; p99 ${p99.toFixed(1)} ms (goal < ${P99_GOAL_MS} ms: ${verdict(p99 < P99_GOAL_MS)})` : '';
      lines.push(`  ${workload.label.padEnd(52)} ledger ${fmt(pooledRate(runs.ledger)).padStart(7)} ev/s (p99 ${p99.toFixed(1)} ms)  peer ${fmt(pooledRate(runs.peer)).padStart(7)} ev/s (p99 ${worstP99(runs.peer).toFixed(1)} ms)  ${ratio.toFixed(2)}× (goal ≥ ${RATE_GOAL}×: ${verdict(ratio >= RATE_GOAL)})${p99Goal}`);
    }
    const scans: Record<'ledger' | 'peer', number[]> = { ledger: [], peer: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, open] of [['ledger', ledger], ['peer', peer]] as const) {
        scans[name].push(await onFreshDatabase(open, async (side) => {
          await preload(side, 50_000);
          return (await measureScan(side)).eventsPerSecond;
        }));
      }
    }
    const scanRate = (name: 'ledger' | 'peer') => scans[name].reduce((a, b) => a + b, 0) / scans[name].length;
    const scanRatio = scanRate('ledger') / scanRate('peer');
    lines.push(`  ${'read all, 50,000 events, pages of 5,000'.padEnd(52)} ledger ${fmt(scanRate('ledger')).padStart(7)} ev/s              peer ${fmt(scanRate('peer')).padStart(7)} ev/s              ${scanRatio.toFixed(2)}× (goal ≥ ${RATE_GOAL}×: ${verdict(scanRatio >= RATE_GOAL)})`);
    process.stdout.write(`\nThe ledger's PostgreSQL store against Emmett ${version} (pinned in test/bench/peer) on the same server, fsync on; ${ROUNDS} alternating rounds, each run in a fresh database\n${lines.join('\n')}\n`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase } from '../support/postgres';
import type { AppendFigures } from './append.bench';
import { PEER_VERSION } from './emmett-peer';
import type { SideJob } from './peer-side';

type Side = 'ledger' | 'peer';

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

const SIDE_SCRIPT = path.join(__dirname, 'peer-side.js');

/** Runs one side's job in a fresh process on a fresh database, and drops the database after. */
async function run<T>(side: Side, job: SideJob): Promise<T> {
  const database = await createTestDatabase();
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [SIDE_SCRIPT, side, database.url, JSON.stringify(job)], { maxBuffer: 1 << 20 });
    return JSON.parse(stdout.trim().split('\n').pop() as string) as T;
  } finally {
    await database.drop();
  }
}

/** Rounds alternate between the two, so drift on a shared machine falls on both alike; rates pool the rounds. */
async function compare(workload: Workload): Promise<Record<Side, AppendFigures[]>> {
  const result: Record<Side, AppendFigures[]> = { ledger: [], peer: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const side of ['ledger', 'peer'] as const) {
      result[side].push(await run<AppendFigures>(side, { kind: 'append', appends: workload.appends, writers: workload.writers, perAppend: workload.perAppend, preloaded: workload.preloaded ?? 0 }));
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
  const lines: string[] = [];
  for (const workload of WORKLOADS) {
    const runs = await compare(workload);
    const ratio = pooledRate(runs.ledger) / pooledRate(runs.peer);
    const p99 = worstP99(runs.ledger);
    const p99Goal = workload.writers === 8 ? `; p99 goal < ${P99_GOAL_MS} ms: ${verdict(p99 < P99_GOAL_MS)}` : '';
    lines.push(`  ${workload.label.padEnd(52)} ledger ${fmt(pooledRate(runs.ledger)).padStart(7)} ev/s (p99 ${p99.toFixed(1)} ms)  peer ${fmt(pooledRate(runs.peer)).padStart(7)} ev/s (p99 ${worstP99(runs.peer).toFixed(1)} ms)  ${ratio.toFixed(2)}× (goal ≥ ${RATE_GOAL}×: ${verdict(ratio >= RATE_GOAL)})${p99Goal}`);
  }
  const scans: Record<Side, number[]> = { ledger: [], peer: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const side of ['ledger', 'peer'] as const) {
      scans[side].push((await run<{ eventsPerSecond: number }>(side, { kind: 'scan', appends: 0, writers: 0, perAppend: 0, preloaded: 50_000 })).eventsPerSecond);
    }
  }
  const scanRate = (side: Side) => scans[side].reduce((a, b) => a + b, 0) / scans[side].length;
  const scanRatio = scanRate('ledger') / scanRate('peer');
  lines.push(`  ${'read all, 50,000 events, pages of 5,000'.padEnd(52)} ledger ${fmt(scanRate('ledger')).padStart(7)} ev/s              peer ${fmt(scanRate('peer')).padStart(7)} ev/s              ${scanRatio.toFixed(2)}× (goal ≥ ${RATE_GOAL}×: ${verdict(scanRatio >= RATE_GOAL)})`);
  process.stdout.write(`\nThe ledger's PostgreSQL store against Emmett ${PEER_VERSION()} (pinned in test/bench/peer) on the same server, fsync on; ${ROUNDS} alternating rounds, each run in a fresh process and database\n${lines.join('\n')}\n`);
}

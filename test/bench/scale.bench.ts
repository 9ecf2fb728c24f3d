import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { issueToken, loadConfig, openLedgerRuntime, systemClock, type LedgerRuntime } from '@ledger/application';
import { rebuildReadModels } from '@ledger/projections';
import { createTestDatabase } from '../support/postgres';
import { ledgerPages, measureAppends, measureScan } from './append.bench';
import { apiInThisProcess, startApi } from './api-process';
import { percentile } from './machine';
import { syntheticLedger } from './synthetic-ledger';

export interface Scale {
  readonly name: string;
  readonly placements: number;
  readonly years: number;
  readonly termDays: number;
  readonly requestsPerEndpoint: number;
}

const SECRET = 'bench-secret-that-is-at-least-32-characters';
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

async function appendLedger(runtime: LedgerRuntime, scale: Scale, today: string): Promise<{ events: number; seconds: number }> {
  const streams = syntheticLedger({ placements: scale.placements, years: scale.years, today, termDays: scale.termDays, seed: 42, recordedBy: new Date(Date.now() - 60_000) });
  const started = process.hrtime.bigint();
  let events = 0;
  const writer = async () => {
    for (let next = streams.next(); !next.done; next = streams.next()) {
      const { streamId, events: all } = next.value;
      for (let i = 0; i < all.length; i += 500) await runtime.eventStore.append(streamId, i === 0 ? 'no-stream' : i - 1, all.slice(i, i + 500));
      events += all.length;
    }
  };
  await Promise.all([writer(), writer(), writer(), writer()]);
  return { events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

async function latencies(base: string, token: string, path: string, n: number): Promise<{ cold: number; p50: number; p95: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i <= n; i++) {
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const [cold, ...warm] = times;
  return { cold, p50: percentile(warm, 50), p95: percentile(warm, 95), p99: percentile(warm, 99) };
}

/** Rate changes, one placement after another, each made through the API as a commissioner would. */
async function rateChanges(base: string, token: string, today: string): Promise<() => Promise<void>> {
  const res = await fetch(`${base}/api/placements?status=commissioned`, { headers: { Authorization: `Bearer ${token}` } });
  const listed = await res.json() as { placements: { placementId: string; weeklyRatePence: number }[] };
  const placements = listed.placements.filter((p) => p.weeklyRatePence < 400_000);
  let next = 0;
  return async () => {
    const placement = placements[next++ % placements.length];
    placement.weeklyRatePence += 100;
    const write = await fetch(`${base}/api/placements/${placement.placementId}/rate-changes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': `bench-${placement.placementId}-${next}` },
      body: JSON.stringify({ effectiveFrom: today, weeklyRatePence: placement.weeklyRatePence, reason: 'Bench: a write before the query' }),
    });
    await write.arrayBuffer();
    if (write.status !== 201) throw new Error(`a rate change answered ${write.status}`);
  };
}

/** The query's latency when each request follows a write: the read side moves on by one placement. */
async function latenciesAfterWrites(base: string, token: string, path: string, n: number, write: () => Promise<void>): Promise<{ p50: number; p95: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await write();
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

/** What one scale's run measured, for the summary of how cost grows. */
export interface ScaleFigures {
  readonly scale: Scale;
  readonly events: number;
  readonly rebuildShareOfScan: number;
  readonly rebuildSeconds: number;
  /** p99 in ms by query label. */
  readonly p99: Record<string, number>;
  /** HTTP commands per second over bare appends per second, 8 clients each. */
  readonly httpShareOfAppends: number;
  /** The API process's peak resident memory (VmHWM), MiB; undefined when it ran in the benchmark's process. */
  readonly apiPeakMiB?: number;
}

/** `clients` loops making rate changes through the API at once: commands per second. */
async function commandRate(write: () => Promise<void>, clients: number, total: number): Promise<{ perSecond: number; p99: number }> {
  const times: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: clients }, async () => {
    for (let i = 0; i < total / clients; i++) {
      const t0 = process.hrtime.bigint();
      await write();
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }));
  return { perSecond: total / (Number(process.hrtime.bigint() - started) / 1e9), p99: percentile(times, 99) };
}

/** Scans and rebuilds taken in turn, each's best kept: on shared cores one run of either moves by a sixth. */
const ROUNDS = 3;

async function scanAndRebuild(runtime: LedgerRuntime) {
  const scans: number[] = [];
  const rebuilds: { done: number; eventsPerSecond: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    scans.push((await measureScan(ledgerPages(runtime.eventStore))).eventsPerSecond);
    rebuilds.push(await rebuildReadModels(runtime.eventStore, runtime.projections));
  }
  const best = rebuilds.reduce((a, b) => (b.eventsPerSecond > a.eventsPerSecond ? b : a));
  return {
    scan: { eventsPerSecond: Math.max(...scans), rounds: scans },
    rebuilt: { ...best, rounds: rebuilds.map((r) => r.eventsPerSecond) },
  };
}

/** One ledger at one scale on one store: append, scan, rebuild, and the HTTP queries finance runs. */
export async function benchScale(scale: Scale, store: 'embedded' | 'postgres'): Promise<ScaleFigures> {
  const today = new Date().toISOString().slice(0, 10);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-scale-'));
  const database = store === 'postgres' ? await createTestDatabase() : undefined;
  const config = loadConfig({ LEDGER_DATA_DIR: dataDir, DATABASE_URL: database?.url, AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'silent' });
  const runtime = await openLedgerRuntime(config, systemClock, { startProjections: false });
  try {
    process.stdout.write(`\n${scale.name} on the ${store} store: ${fmt(scale.placements)} placements over ${scale.years} years\n`);
    const appended = await appendLedger(runtime, scale, today);
    process.stdout.write(`  append (4 writers, a placement's stream per append)  ${fmt(appended.events / appended.seconds).padStart(9)} events/s  (${fmt(appended.events)} events in ${appended.seconds.toFixed(1)} s)\n`);
    const { scan, rebuilt } = await scanAndRebuild(runtime);
    process.stdout.write(`  plain scan (read + parse, no projection)              ${fmt(scan.eventsPerSecond).padStart(9)} events/s  (best of ${ROUNDS}: ${scan.rounds.map(fmt).join(', ')})\n`);
    const rebuildShareOfScan = rebuilt.eventsPerSecond / scan.eventsPerSecond;
    process.stdout.write(`  rebuild of every read model                           ${fmt(rebuilt.eventsPerSecond).padStart(9)} events/s  (${(rebuildShareOfScan * 100).toFixed(0)}% of the plain scan; ${(rebuilt.done / rebuilt.eventsPerSecond).toFixed(1)} s; best of ${ROUNDS}: ${rebuilt.rounds.map(fmt).join(', ')})\n`);
    const p99: Record<string, number> = {};
    // On PostgreSQL the API runs as in production, a process of its own, so its memory and CPU are its
    // own; the embedded store's folder is open in this process, so there it is served from here.
    const api = database === undefined
      ? await apiInThisProcess(runtime, SECRET)
      : await startApi({ DATABASE_URL: database.url, LEDGER_DATA_DIR: dataDir, AUTH_JWT_SECRET: SECRET });
    const base = api.base;
    const token = await issueToken(SECRET, { sub: 'bench', roles: ['manager'] });
    const monday = new Date(Date.parse(`${today}T00:00:00Z`) - ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7 + 7) * 86_400_000).toISOString().slice(0, 10);
    const year = (() => { const y = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0); return `${y}-${String((y + 1) % 100).padStart(2, '0')}`; })();
    const endpoints: [string, string][] = [
      ['weekly return', `/api/returns/weekly?weekCommencing=${monday}`],
      ['monthly return', `/api/returns/monthly?financialYear=${year}&period=6`],
      ['quarterly return', `/api/returns/quarterly?financialYear=${year}&quarter=2`],
      ['forecast', `/api/forecast?financialYear=${year}`],
      ['compliance', `/api/compliance/in-house-first?from=${year.slice(0, 4)}-04-01&to=${today}`],
      ['renewals', '/api/renewals'],
      ['weekly return as at a past instant', `/api/returns/weekly?weekCommencing=${monday}&asAt=${new Date(Date.now() - 30 * 86_400_000).toISOString()}`],
    ];
    for (const [label, url] of endpoints) {
      const l = await latencies(base, token, url, scale.requestsPerEndpoint);
      p99[label] = l.p99;
      process.stdout.write(`  HTTP ${label.padEnd(36)} first ${l.cold.toFixed(0).padStart(6)} ms; then p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms (${scale.requestsPerEndpoint} requests)\n`);
    }
    const write = await rateChanges(base, await issueToken(SECRET, { sub: 'bench-commissioner', roles: ['commissioner'] }), today);
    for (const [label, url] of [...endpoints.slice(0, 5), endpoints[6]]) {
      const l = await latenciesAfterWrites(base, token, url, scale.requestsPerEndpoint, write);
      p99[`${label}, right after a write`] = l.p99;
      process.stdout.write(`  HTTP ${`${label}, right after a write`.padEnd(36)}             p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms (${scale.requestsPerEndpoint} requests)\n`);
    }
    const bare = await measureAppends(runtime.eventStore, 'bare', { appends: 2000, writers: 8, perAppend: 1 });
    const http = await commandRate(write, 8, 800);
    process.stdout.write(`  HTTP commands, 8 clients (rate changes)                ${fmt(http.perSecond).padStart(9)} requests/s, p99 ${http.p99.toFixed(1)} ms; bare appends, 8 clients, same store: ${fmt(bare.eventsPerSecond)} events/s (${(http.perSecond / bare.eventsPerSecond).toFixed(2)}×)\n`);
    const apiPeakMiB = await api.stop();
    if (apiPeakMiB !== undefined) process.stdout.write(`  peak resident memory of the API process                ${fmt(apiPeakMiB).padStart(9)} MiB\n`);
    return { scale, events: appended.events, rebuildShareOfScan, rebuildSeconds: rebuilt.done / rebuilt.eventsPerSecond, p99, httpShareOfAppends: http.perSecond / bare.eventsPerSecond, apiPeakMiB };
  } finally {
    await runtime.close();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

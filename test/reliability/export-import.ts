import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { issueToken, loadConfig, ManualClock, openLedgerRuntime, seedDemoCouncil, type LedgerRuntime } from '@ledger/application';
import { createApp } from '../../apps/api/src/create-app';
import { exportEventLog, importEventLog } from '../../apps/cli/src/commands/event-log.command';
import { adminDatabaseUrl } from '../support/database-outage';
import { createTestDatabase } from '../support/postgres';
import type { CampaignSize, Scenario, ScenarioReport } from './campaign';

/** The demo council as recorded up to this Monday, and every report read at the same instant. */
const TODAY = '2026-11-23';
const NOW = '2026-11-23T12:00:00.000Z';
/** Demo councils moved: one in the reduced run, more seeds (other councils of the same shape) in the full one. */
const SEEDS: Record<CampaignSize, readonly number[]> = { reduced: [2026], full: [2026, 2027, 2028] };
const SECRET = 'reliability-secret-of-at-least-32-characters';
const CATCH_UP_MS = 120_000;

/** The reports compared, as the API serves them: returns, forecast and compliance. */
const REPORTS: readonly { readonly name: string; readonly path: string }[] = [
  { name: 'weekly return', path: `/api/returns/weekly?weekCommencing=2026-11-16&asAt=${NOW}&limit=1000` },
  { name: 'monthly return', path: `/api/returns/monthly?financialYear=2026-27&period=7&asAt=${NOW}&limit=1000` },
  { name: 'quarterly return', path: `/api/returns/quarterly?financialYear=2026-27&quarter=2&asAt=${NOW}&limit=1000` },
  { name: 'forecast', path: `/api/forecast?financialYear=2026-27&asOf=${TODAY}&asAt=${NOW}` },
  { name: 'compliance', path: `/api/compliance/in-house-first?from=2026-04-01&to=${TODAY}&asAt=${NOW}&limit=1000` },
];

/** JSON with every object's keys in order, so that equal values give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A store of the scenario's own: its runtime at the fixed instant, and how to let go of it. */
interface Store {
  readonly label: string;
  readonly runtime: LedgerRuntime;
  close(): Promise<void>;
}

async function openStore(label: string, kind: 'embedded' | 'postgres'): Promise<Store> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-export-import-'));
  const database = kind === 'postgres' ? await createTestDatabase() : undefined;
  try {
    const config = loadConfig({ LEDGER_DATA_DIR: dataDir, DATABASE_URL: database?.url, AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'silent' });
    const runtime = await openLedgerRuntime(config, new ManualClock(new Date(NOW)));
    return {
      label, runtime,
      close: async () => {
        await runtime.close();
        await database?.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Waits until the read models have applied every event in the store. */
async function caughtUp(store: Store): Promise<void> {
  const head = await store.runtime.eventStore.headPosition();
  if (!(await store.runtime.projections.waitFor(head, CATCH_UP_MS))) throw new Error(`${store.label}: the read models did not catch up with the import`);
}

/** The SHA-256 of each report's canonical JSON, through the API's own handlers on this store. */
async function reportHashes(store: Store): Promise<Map<string, string>> {
  await caughtUp(store);
  const app = await createApp(store.runtime, SECRET, { logs: false });
  await app.init();
  try {
    const bearer = `Bearer ${await issueToken(SECRET, { sub: 'reliability-finance', roles: ['finance'] })}`;
    const hashes = new Map<string, string>();
    for (const report of REPORTS) {
      const res = await request(app.getHttpServer()).get(report.path).set('Authorization', bearer);
      if (res.status !== 200) throw new Error(`${store.label}: GET ${report.path} answered ${res.status} ${JSON.stringify(res.body)}`);
      hashes.set(report.name, sha256(canonicalJson(res.body)));
    }
    return hashes;
  } finally {
    await app.close();
  }
}

async function exportTo(store: Store, file: string): Promise<number> {
  const out = fs.createWriteStream(file);
  const count = await exportEventLog(store.runtime.eventStore, out);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return count;
}

/** The reports that differ between two stores. */
function differences(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  return REPORTS.map((r) => r.name).filter((name) => a.get(name) !== b.get(name));
}

const short = (hashes: ReadonlyMap<string, string>) => REPORTS.map((r) => `${r.name} ${hashes.get(r.name)?.slice(0, 12)}`).join(', ');

/** What a comparison found: a figure, and a violation when any report differs. */
function compared(what: string, a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): { figure: string; violations: string[] } {
  const differ = differences(a, b);
  return {
    figure: `${what}: reports equal: ${differ.length === 0 ? 'yes' : `no (${differ.join(', ')} differ)`}`,
    violations: differ.map((name) => `${what}: the ${name} differs`),
  };
}

/** Opens the stores one after another and closes every one opened, whatever happens. */
async function withStores<T>(work: (open: (label: string, kind: 'embedded' | 'postgres') => Promise<Store>) => Promise<T>): Promise<T> {
  const opened: Store[] = [];
  try {
    return await work(async (label, kind) => {
      const store = await openStore(label, kind);
      opened.push(store);
      return store;
    });
  } finally {
    for (const store of opened.reverse()) await store.close();
  }
}

interface Outcome { readonly figures: string[]; readonly violations: string[] }

type Open = (label: string, kind: 'embedded' | 'postgres') => Promise<Store>;

/** The weekly return's placements active at the week's end: equal hashes of empty returns would prove nothing. */
async function activeAtEnd(store: Store): Promise<number> {
  const app = await createApp(store.runtime, SECRET, { logs: false });
  await app.init();
  try {
    const bearer = `Bearer ${await issueToken(SECRET, { sub: 'reliability-finance', roles: ['finance'] })}`;
    const res = await request(app.getHttpServer()).get(REPORTS[0].path).set('Authorization', bearer);
    return (res.body as { total?: { activeAtEnd?: number } }).total?.activeAtEnd ?? 0;
  } finally {
    await app.close();
  }
}

/** One demo council through embedded → PostgreSQL (twice) → a fresh embedded store, compared at each step. */
async function roundTrip(seed: number, dir: string, open: Open): Promise<Outcome> {
  const figures: string[] = [];
  const violations: string[] = [];
  const check = (result: { figure: string; violations: string[] }) => {
    figures.push(result.figure);
    violations.push(...result.violations);
  };
  const embedded = await open(`the embedded store (seed ${seed})`, 'embedded');
  const seeded = await seedDemoCouncil(embedded.runtime, TODAY, seed);
  const original = await reportHashes(embedded);
  const active = await activeAtEnd(embedded);
  const file = path.join(dir, `embedded-${seed}.ndjson`);
  const exported = await exportTo(embedded, file);
  figures.push(`demo council seed ${seed}: ${seeded.placements} placements (${active} active at the end of the week compared), `
    + `${exported.toLocaleString('en-GB')} events exported, ${fs.statSync(file).size.toLocaleString('en-GB')} bytes of NDJSON`);
  figures.push(`seed ${seed}, hashes as at ${NOW}: ${short(original)}`);
  if (exported !== seeded.appended) violations.push(`seed ${seed}: exported ${exported} events of the ${seeded.appended} seeded`);
  if (active === 0) violations.push(`seed ${seed}: the weekly return compared has no placement in it`);

  const postgres = await open(`PostgreSQL (seed ${seed})`, 'postgres');
  const first = await importEventLog(postgres.runtime.eventStore, file);
  check(compared(`seed ${seed}, embedded → PostgreSQL (${first.appended} appended in ${first.appends} appends)`, original, await reportHashes(postgres)));
  if (first.appended !== exported) violations.push(`seed ${seed}: the import into PostgreSQL appended ${first.appended} of ${exported} events`);

  const again = await importEventLog(postgres.runtime.eventStore, file);
  check(compared(`seed ${seed}, the same file into PostgreSQL again: appended ${again.appended}, skipped ${again.skipped}`, original, await reportHashes(postgres)));
  if (again.appended !== 0) violations.push(`seed ${seed}: importing the same file again appended ${again.appended} events`);

  const back = path.join(dir, `postgres-${seed}.ndjson`);
  const reExported = await exportTo(postgres, back);
  const sameFile = fs.readFileSync(back).equals(fs.readFileSync(file));
  const returned = await open(`the second embedded store (seed ${seed})`, 'embedded');
  const second = await importEventLog(returned.runtime.eventStore, back);
  check(compared(`seed ${seed}, PostgreSQL → a fresh embedded store (${reExported} exported, byte-identical to the first export: ${sameFile ? 'yes' : 'no'}; ${second.appended} appended)`,
    original, await reportHashes(returned)));
  if (second.appended !== exported) violations.push(`seed ${seed}: the import back into the embedded store appended ${second.appended} of ${exported} events`);
  return { figures, violations };
}

/**
 * The event log moved between stores with the CLI's export and import: the demo council seeded into
 * the embedded store, exported, imported into a fresh PostgreSQL database (twice: the second appends
 * nothing) and from there into a fresh embedded store, with the returns, forecast and compliance
 * report compared by the hash of their canonical JSON at the same instant.
 */
export const exportImport: Scenario = {
  name: 'export-import',
  async run(size: CampaignSize): Promise<ScenarioReport> {
    adminDatabaseUrl();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-event-log-'));
    const figures: string[] = [];
    const violations: string[] = [];
    try {
      for (const seed of SEEDS[size]) {
        const outcome = await withStores((open) => roundTrip(seed, dir, open));
        figures.push(...outcome.figures);
        violations.push(...outcome.violations);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return { title: 'Export and import: the event log moved between stores', figures, violations };
  },
};

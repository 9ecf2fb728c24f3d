import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { demoSeedMarkOf, loadConfig, ManualClock, openLedgerRuntime, seedDemoCouncil } from '@ledger/application';
import { openEventStorage, type StoredEvent } from '@ledger/event-store';
import { API, launchApiProcess, startApiProcess, type ApiProcess } from '../support/api-process';
import { freePort } from '../support/own-redis';
import { createTestDatabase } from '../support/postgres';
import { medianMax, seededRandom, type CampaignSize, type Scenario, type ScenarioReport } from './campaign';

const SEED = 20261201;
const SECRET = 'reliability-secret-of-at-least-32-characters';
type Store = 'embedded' | 'postgres';

/**
 * The first start's demo seeding, killed with SIGKILL part-way and started again: the restart
 * finishes the seed, and the store ends with exactly the events of a seed never interrupted.
 */
export const seedCrash: Scenario = {
  name: 'seed-crash',
  async run(size: CampaignSize): Promise<ScenarioReport> {
    if (!fs.existsSync(API)) throw new Error(`${API} is missing: build first (npm run build)`);
    const rounds = size === 'full' ? 5 : 1;
    const random = seededRandom(SEED);
    const figures: string[] = [`seed ${SEED}; ${rounds} kill${rounds === 1 ? '' : 's'} per store`];
    const violations: string[] = [];
    // The reduced run kills the embedded store's seed (what `npm start` does); the full run both stores'.
    const stores: readonly Store[] = size === 'full' ? ['postgres', 'embedded'] : ['embedded'];
    for (const store of stores) {
      const outcomes: RoundOutcome[] = [];
      for (let round = 0; round < rounds; round++) outcomes.push(await crashRound(store, random, violations));
      figures.push(`${store}: ${rounds} first start${rounds === 1 ? '' : 's'} killed while seeding, leaving ${outcomes.map((o) => o.eventsAtKill).join(', ')} events; `
        + `restarts said: ${outcomes.map((o) => `"${o.said}"`).join(', ')}; events after restart equal to an unbroken seed in ${outcomes.filter((o) => o.equal).length} of ${rounds}; `
        + `seconds to serve after the restart ${medianMax(outcomes.map((o) => o.restartSeconds))}`);
    }
    return { title: 'Demo seeding killed part-way and resumed', figures, violations };
  },
};

interface RoundOutcome {
  readonly eventsAtKill: number;
  readonly said: string;
  readonly equal: boolean;
  readonly restartSeconds: number;
}

async function crashRound(store: Store, random: () => number, violations: string[]): Promise<RoundOutcome> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-seed-crash-'));
  const database = store === 'postgres' ? await createTestDatabase() : undefined;
  const env = {
    LEDGER_DATA_DIR: dataDir, PORT: String(await freePort()), LEDGER_SEED_DEMO: 'true', AUTH_JWT_SECRET: SECRET,
    LEDGER_LOCAL_SIGN_IN: 'true', LEDGER_SHUTDOWN_GRACE_MS: '2000', ...(database === undefined ? {} : { DATABASE_URL: database.url }),
  };
  try {
    const first = launchApiProcess(process.execPath, [API], env);
    first.serving.catch(() => undefined);
    await killMidSeed(first, store, database?.url, random);
    const eventsAtKill = (await readLog(dataDir, database?.url)).length;
    const t0 = Date.now();
    const again = await startApiProcess(process.execPath, [API], env);
    const restartSeconds = (Date.now() - t0) / 1000;
    const said = /Demo council seed(ed|ing resumed)[^\n]*|The store already holds the demo council[^\n]*/.exec(again.output())?.[0] ?? 'nothing about the demo';
    await stop(again);
    const equal = await equalsUnbrokenSeed(store, dataDir, database?.url, violations);
    return { eventsAtKill, said, equal, restartSeconds };
  } finally {
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Kills the starting API while it seeds: on PostgreSQL at a random event count, on the embedded store after a random progress line. */
async function killMidSeed(api: ApiProcess, store: Store, databaseUrl: string | undefined, random: () => number): Promise<void> {
  const kill = async () => {
    api.child.kill('SIGKILL');
    await api.exited;
  };
  if (store === 'embedded') {
    // The embedded store cannot be watched from outside: kill after a random progress line.
    const lines = 1 + Math.floor(random() * 5);
    while (api.child.exitCode === null && (api.output().match(/Recording the demo council/g) ?? []).length < lines) await sleep(10);
    await sleep(random() * 500);
    return kill();
  }
  const target = 50 + Math.floor(random() * 1400);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (;;) {
      const count = await client.query<{ n: string }>("SELECT count(*) AS n FROM ledger_events").then((r) => Number(r.rows[0].n), () => 0);
      if (count >= target || api.child.exitCode !== null) return kill();
      await sleep(20);
    }
  } finally {
    await client.end();
  }
}

/** Compares the store's log with a seed of the same day and seed recorded without a break. */
async function equalsUnbrokenSeed(store: Store, dataDir: string, databaseUrl: string | undefined, violations: string[]): Promise<boolean> {
  const seeded = await readLog(dataDir, databaseUrl);
  const mark = seeded[0] === undefined ? undefined : demoSeedMarkOf(seeded[0].metadata);
  if (mark === undefined) {
    violations.push(`${store}: after the restart the store holds no demo seed`);
    return false;
  }
  const want = await unbrokenSeedIds(mark.seed, mark.today);
  const got = logIds(seeded);
  const equal = got.length === want.length && got.every((id, i) => id === want[i]);
  if (!equal) violations.push(`${store}: ${got.length} events after the restart where an unbroken seed records ${want.length}, or other ids`);
  return equal;
}

const logIds = (events: readonly StoredEvent[]) => events.map((e) => `${e.streamId}#${e.streamRevision}:${e.eventId}`).sort();
const unbroken = new Map<string, Promise<readonly string[]>>();

/** The events of a demo seed recorded without a break into a store of its own, once per seed and day. */
function unbrokenSeedIds(seed: number, today: string): Promise<readonly string[]> {
  const key = `${seed}/${today}`;
  if (!unbroken.has(key)) unbroken.set(key, recordUnbroken(seed, today));
  return unbroken.get(key) as Promise<readonly string[]>;
}

async function recordUnbroken(seed: number, today: string): Promise<readonly string[]> {
  const cleanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-seed-clean-'));
  try {
    const runtime = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: cleanDir, AUTH_JWT_SECRET: SECRET }), new ManualClock(new Date()), { startProjections: false });
    try {
      await seedDemoCouncil(runtime, today, seed);
      return logIds(await runtime.eventStore.readAll({ limit: 1_000_000 }));
    } finally {
      await runtime.close();
    }
  } finally {
    fs.rmSync(cleanDir, { recursive: true, force: true });
  }
}

async function readLog(dataDir: string, databaseUrl: string | undefined): Promise<readonly StoredEvent[]> {
  const storage = await openEventStorage({ dataDir, databaseUrl });
  try {
    return await storage.eventStore.readAll({ limit: 1_000_000 });
  } finally {
    await storage.close();
  }
}

async function stop(api: ApiProcess): Promise<void> {
  api.child.kill('SIGTERM');
  await api.exited;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

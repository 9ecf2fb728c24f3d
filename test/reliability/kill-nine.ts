import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { issueToken, loadConfig, STALE_PENDING_SECONDS, type LedgerConfig } from '@ledger/application';
import { API } from '../support/api-process';
import { freePort } from '../support/own-redis';
import { createTestDatabase } from '../support/postgres';
import { countsLine, seededRandom, tally, type CampaignSize, type Scenario } from './campaign';
import { verify, type Check } from './kill-nine-checks';
import { LedgerProcess } from './kill-nine-process';
import { CLIENTS, Traffic, WRITER } from './kill-nine-traffic';

const SECRET = 'kill-nine-token-secret-of-at-least-32-characters';
const KILLS: Record<CampaignSize, number> = { reduced: 2, full: 10 };
/** Traffic runs this long (ms, drawn from the seeded generator) before each kill. */
const KILL_AFTER_MS = { min: 150, max: 2500 };
/** Read models are compared with a rebuild after every second round and after the last. */
const CHECK_EVERY = 2;
const CATCH_UP_MS = 60_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function caughtUp(base: string, adminToken: string): Promise<void> {
  const deadline = Date.now() + CATCH_UP_MS;
  while (Date.now() < deadline) {
    const res = await fetch(`${base}/health`, { headers: { Authorization: `Bearer ${adminToken}` } });
    if (((await res.json()) as { readModels?: { caughtUp?: boolean } }).readModels?.caughtUp === true) return;
    await pause(100);
  }
  throw new Error(`the read models did not catch up within ${CATCH_UP_MS / 1000} s`);
}

interface StoreRun {
  readonly kind: 'embedded' | 'postgres';
  readonly api: LedgerProcess;
  readonly traffic: Traffic;
  readonly config: LedgerConfig;
  readonly base: string;
  readonly adminToken: string;
}

/** Holds the traffic, stops the API cleanly once caught up, verifies, starts it again and retries the unknown writes. */
async function checkRound(run: StoreRun, resume: boolean): Promise<Check> {
  await run.traffic.hold();
  await caughtUp(run.base, run.adminToken);
  await run.api.end('SIGTERM');
  const check = await verify(run.config, run.traffic.intents);
  await run.api.start();
  check.retried = await run.traffic.retryUnknown();
  if (resume) run.traffic.release();
  return check;
}

function figures(run: StoreRun, kills: number, restarts: readonly number[], checks: readonly Check[]): string[] {
  const { intents, statuses } = run.traffic;
  const final = checks[checks.length - 1];
  const landings = new Map<string, number>();
  for (const intent of intents) if (intent.landing !== undefined) tally(landings, intent.landing);
  return [
    `${run.kind}: ${kills} kills; ${intents.filter((i) => i.outcome === 'acknowledged').length.toLocaleString('en-GB')} acknowledged writes `
      + `(answers ${countsLine(statuses)}); lost ${final.lost}, duplicated ${final.duplicated}; ${final.events.toLocaleString('en-GB')} events at the end`,
    `${run.kind}: writes cut off by the kills: ${landings.size === 0 ? 'none' : countsLine(landings)}`,
    `${run.kind}: claims the kills left pending, aged past the ${STALE_PENDING_SECONDS} s takeover window: ${checks.reduce((n, c) => n + c.agedClaims, 0)}; `
      + `their writes sent again under the same key: ${checks.reduce((n, c) => n + c.retried, 0)}`,
    `${run.kind}: read models = a clean rebuild at ${checks.filter((c) => c.rebuildEqual).length} of ${checks.length} checks (after every ${CHECK_EVERY} rounds, the last, and at the end)`,
    `${run.kind}: seconds to serve again after a kill: median ${median(restarts).toFixed(1)}, max ${Math.max(...restarts).toFixed(1)}`,
  ];
}

/** Kill rounds on one store: traffic, SIGKILL at a drawn moment, restart on the same folder or database, checks. */
async function killRounds(run: StoreRun, kills: number, random: () => number): Promise<{ restarts: number[]; checks: Check[] }> {
  const drawn = () => KILL_AFTER_MS.min + random() * (KILL_AFTER_MS.max - KILL_AFTER_MS.min);
  const restarts: number[] = [];
  const checks: Check[] = [];
  await run.api.start();
  run.traffic.start();
  for (let round = 1; round <= kills; round++) {
    await pause(drawn());
    await run.api.end('SIGKILL');
    restarts.push(await run.api.start());
    if (round % CHECK_EVERY !== 0 && round !== kills) continue;
    await pause(drawn() / 2);
    checks.push(await checkRound(run, round !== kills));
  }
  await run.traffic.stop();
  await caughtUp(run.base, run.adminToken);
  await run.api.end('SIGTERM');
  checks.push(await verify(run.config, run.traffic.intents));
  return { restarts, checks };
}

/** The API on one folder and database through its kill rounds; its processes and clients ended however they went. */
async function onProcess(kind: StoreRun['kind'], dataDir: string, databaseUrl: string | undefined, kills: number, random: () => number): Promise<{ figures: string[]; violations: string[] }> {
  const port = await freePort();
  const env: Record<string, string> = {
    LEDGER_DATA_DIR: dataDir, PORT: String(port), AUTH_JWT_SECRET: SECRET, LEDGER_SEED_DEMO: 'false', LEDGER_LOCAL_SIGN_IN: 'true',
    ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
  };
  const api = new LedgerProcess(env);
  const base = `http://127.0.0.1:${port}`;
  const run: StoreRun = {
    kind, api, base,
    traffic: new Traffic(api, base, await issueToken(SECRET, { sub: WRITER, roles: ['commissioner'] })),
    config: loadConfig({ LEDGER_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'silent' }),
    adminToken: await issueToken(SECRET, { sub: 'admin-kill-nine', roles: ['admin'] }),
  };
  try {
    const { restarts, checks } = await killRounds(run, kills, random);
    const violations = new Set([...run.traffic.violations, ...checks.flatMap((c) => c.violations)]);
    const final = checks[checks.length - 1];
    if (final.lost > 0) violations.add(`${final.lost} acknowledged writes lost`);
    if (final.duplicated > 0) violations.add(`${final.duplicated} writes appended twice under one Idempotency-Key`);
    return { figures: figures(run, kills, restarts, checks), violations: [...violations].map((v) => `${kind}: ${v}`) };
  } finally {
    run.traffic.abandon();
    await api.end('SIGKILL');
    await run.traffic.stop();
  }
}

async function onStore(kind: StoreRun['kind'], kills: number, random: () => number): Promise<{ figures: string[]; violations: string[] }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-kill-nine-'));
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  try {
    database = kind === 'postgres' ? await createTestDatabase() : undefined;
    return await onProcess(kind, dataDir, database?.url, kills, random);
  } finally {
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * SIGKILL to the built API at seeded random moments under write traffic from several clients, on the
 * embedded and the PostgreSQL store, restarting on the same folder or database each time: no acknowledged
 * write lost, none appended twice, and the read models the restarted API catches up to equal a clean rebuild.
 */
export const killNine: Scenario = {
  name: 'kill-nine',
  async run(size) {
    if (!fs.existsSync(API)) throw new Error(`${API} is missing: the kill-nine scenario runs the built API (npm run build)`);
    if ((process.env.DATABASE_URL ?? '') === '') throw new Error('DATABASE_URL is not set: the kill-nine scenario needs PostgreSQL');
    const seed = Number(process.env.RELIABILITY_SEED ?? Math.floor(Math.random() * 2 ** 32));
    if (!Number.isInteger(seed)) throw new Error(`RELIABILITY_SEED must be a whole number; it is "${process.env.RELIABILITY_SEED}"`);
    const random = seededRandom(seed);
    const figures = [`seed ${seed} (RELIABILITY_SEED=${seed} draws the same kill moments); ${CLIENTS} clients writing over HTTP`];
    const violations: string[] = [];
    for (const kind of ['embedded', 'postgres'] as const) {
      const outcome = await onStore(kind, KILLS[size], random);
      figures.push(...outcome.figures);
      violations.push(...outcome.violations);
    }
    return { title: 'Kill -9 under write traffic: restart, nothing lost or doubled, read models = rebuild', figures, violations };
  },
};

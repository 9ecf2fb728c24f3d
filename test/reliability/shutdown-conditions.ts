import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LOCK_FILE } from '@ledger/event-store';
import { API, startApiProcess, type ApiProcess } from '../support/api-process';
import { cutDatabase, databaseNameOf, restoreDatabase } from '../support/database-outage';
import { eventually } from '../support/eventually';
import { startTraffic, type Exchange } from '../support/http-traffic';
import { freePort, startRedis, stopRedis } from '../support/own-redis';
import { createTestDatabase } from '../support/postgres';
import { idleClient, refusesConnections, stalledClient } from '../support/raw-clients';
import { tally } from './campaign';

/** LEDGER_SHUTDOWN_GRACE_MS of every start. */
export const GRACE_MS = 3000;
/** A stop taking longer than the grace period and this is a hang: the process is killed and reported. */
export const EXIT_ALLOWANCE_MS = 10_000;
const LOAD_CLIENTS = 6;
/** Answers the load must have had before the signal, so that it is flowing when it comes. */
const LOAD_WARM_UP_EXCHANGES = 40;

/** What one stop measured, and the promises it broke. */
export interface Stop {
  readonly seconds: number;
  readonly violations: readonly string[];
  /** Under load: how the requests begun before and after the signal ended. */
  readonly inFlight?: InFlight;
}

/** Under load, the requests split at the signal, counted by how they ended (status or socket error). */
export interface InFlight {
  /** Sent before the signal and not answered yet when it came: how each ended. */
  readonly atSignal: ReadonlyMap<string, number>;
  /** Sent after the signal: refused or reset is expected, an answer is welcome. */
  readonly after: ReadonlyMap<string, number>;
}

/** The settings and the folder every start of one run shares, and the processes it started (stopped if a condition fails). */
export interface Run {
  readonly dataDir: string;
  readonly bearer: string;
  env(port: number, extra?: Record<string, string>): Record<string, string>;
  /** The built API (or `npm start`) with these settings; resolves once it serves. */
  start(env: Record<string, string>, via?: 'node' | 'npm'): Promise<ApiProcess>;
}

/** One condition of a stop: it starts the API, sets the scene, sends the signal and judges the exit. */
export interface Condition {
  readonly name: string;
  stop(run: Run): Promise<Stop>;
}

/** Sends SIGTERM and times the exit; a process still running after the allowance is killed and reported. */
export async function signalAndTime(api: ApiProcess, label: string): Promise<{ seconds: number; signalledAt: number; violations: string[] }> {
  if (api.child.exitCode !== null || api.child.signalCode !== null) {
    return { seconds: 0, signalledAt: Date.now(), violations: [`${label}: exited before the signal\n${api.output().slice(-2000)}`] };
  }
  const signalledAt = Date.now();
  const started = performance.now();
  api.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => { timer = setTimeout(() => resolve('hung'), GRACE_MS + EXIT_ALLOWANCE_MS); });
  const outcome = await Promise.race([api.exited, hung]);
  const seconds = (performance.now() - started) / 1000;
  clearTimeout(timer);
  if (outcome === 'hung') {
    api.child.kill('SIGKILL');
    await api.exited;
    return { seconds, signalledAt, violations: [`${label}: still running ${(GRACE_MS + EXIT_ALLOWANCE_MS) / 1000} s after SIGTERM; killed`] };
  }
  const clean = outcome.code === 0 && outcome.signal === null;
  return { seconds, signalledAt, violations: clean ? [] : [`${label}: exited with code ${outcome.code}, signal ${outcome.signal}\n${api.output().slice(-2000)}`] };
}

/** The folder's lock is gone once the process has exited. */
function lockViolations(run: Run, label: string): string[] {
  return fs.existsSync(path.join(run.dataDir, LOCK_FILE)) ? [`${label}: ${LOCK_FILE} left behind in the data folder`] : [];
}

/** Starts the built API, or `npm start`, with only these settings; resolves once it serves. */
export function startApi(env: Record<string, string>, via: 'node' | 'npm' = 'node'): Promise<ApiProcess> {
  return via === 'npm' ? startApiProcess('npm', ['start', '--silent'], env) : startApiProcess(process.execPath, [API], env);
}

/** A process a failed condition left running: asked to stop, then killed. */
export async function stopLeftOver(api: ApiProcess): Promise<void> {
  if (api.child.exitCode !== null || api.child.signalCode !== null) return;
  api.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => { timer = setTimeout(resolve, GRACE_MS + EXIT_ALLOWANCE_MS); });
  await Promise.race([api.exited, late]);
  clearTimeout(timer);
  if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
  await api.exited;
}

const idle: Condition = {
  name: 'idle',
  async stop(run) {
    const api = await run.start(run.env(await freePort()));
    const stop = await signalAndTime(api, this.name);
    return { seconds: stop.seconds, violations: [...stop.violations, ...lockViolations(run, this.name)] };
  },
};

/** How the requests of the load in flight at the signal, and those sent after it, ended. */
function inFlightOf(exchanges: readonly Exchange[], signalledAt: number): InFlight {
  const atSignal = new Map<string, number>();
  const after = new Map<string, number>();
  const outcome = (e: Exchange) => e.status ?? e.failure ?? 'no answer';
  for (const e of exchanges) {
    if (e.startedAt >= signalledAt) tally(after, outcome(e));
    else if (e.endedAt >= signalledAt) tally(atSignal, outcome(e));
  }
  return { atSignal, after };
}

const underLoad: Condition = {
  name: `under load (${LOAD_CLIENTS} clients writing and reading)`,
  async stop(run) {
    const port = await freePort();
    const api = await run.start(run.env(port));
    const traffic = startTraffic(`http://127.0.0.1:${port}`, run.bearer, LOAD_CLIENTS);
    await eventually(async () => { if (traffic.exchanges.length < LOAD_WARM_UP_EXCHANGES) throw new Error('the load has not started'); });
    const stop = await signalAndTime(api, this.name);
    const exchanges = await traffic.stop();
    const inFlight = inFlightOf(exchanges, stop.signalledAt);
    const cut = exchanges.filter((e) => e.startedAt < stop.signalledAt && (e.status === undefined || e.status >= 500));
    return {
      seconds: stop.seconds, inFlight,
      violations: [
        ...stop.violations, ...lockViolations(run, this.name),
        ...cut.map((e) => `${this.name}: ${e.route} sent ${stop.signalledAt - e.startedAt} ms before SIGTERM ended with ${e.status ?? e.failure}`),
      ],
    };
  },
};

const stalledAndIdleClients: Condition = {
  name: 'a stalled client (half a request) and an idle keep-alive client',
  async stop(run) {
    const port = await freePort();
    const api = await run.start(run.env(port));
    const sockets = [await idleClient(port), await stalledClient(port)];
    const stop = await signalAndTime(api, this.name);
    sockets.forEach((socket) => socket.destroy());
    return { seconds: stop.seconds, violations: [...stop.violations, ...lockViolations(run, this.name)] };
  },
};

interface HealthBody { status: string; eventStore: { status: string }; queue: { status: string } }

async function health(port: number): Promise<{ status: number; body: HealthBody }> {
  const res = await fetch(`http://127.0.0.1:${port}/health`);
  return { status: res.status, body: (await res.json()) as HealthBody };
}

const redisDown: Condition = {
  name: 'Redis down (BullMQ scheduler, its Redis killed)',
  async stop(run) {
    const redisPort = await freePort();
    let redis: ChildProcess | undefined = await startRedis(redisPort);
    try {
      const port = await freePort();
      const api = await run.start(run.env(port, { REDIS_URL: `redis://127.0.0.1:${redisPort}` }));
      await eventually(async () => { if ((await health(port)).body.queue.status !== 'up') throw new Error('the queue is not up yet'); });
      await stopRedis(redis);
      redis = undefined;
      await eventually(async () => { if ((await health(port)).body.queue.status !== 'down') throw new Error('the queue is not down yet'); });
      const stop = await signalAndTime(api, this.name);
      return { seconds: stop.seconds, violations: [...stop.violations, ...lockViolations(run, this.name)] };
    } finally {
      if (redis !== undefined) await stopRedis(redis);
    }
  },
};

const postgresDown: Condition = {
  name: 'PostgreSQL down (the app\'s database cut)',
  async stop(run) {
    const database = await createTestDatabase();
    const name = databaseNameOf(database.url);
    try {
      const port = await freePort();
      const env = run.env(port, { DATABASE_URL: database.url, LEDGER_LOCAL_SIGN_IN: 'true' });
      const api = await run.start(env);
      await cutDatabase(name);
      await eventually(async () => { if ((await health(port)).status !== 503) throw new Error('the store is not down yet'); });
      const stop = await signalAndTime(api, this.name);
      await restoreDatabase(name);
      // The database has no folder lock: the next start on it, once it is back, must serve.
      const again = await run.start(env);
      const next = await signalAndTime(again, `${this.name}, the next start on the same database`);
      return { seconds: stop.seconds, violations: [...stop.violations, ...next.violations] };
    } finally {
      await restoreDatabase(name).catch(() => undefined);
      await database.drop();
    }
  },
};

const npmStart: Condition = {
  name: '`npm start`, SIGTERM to npm only',
  async stop(run) {
    const port = await freePort();
    const npm = await run.start(run.env(port, { LEDGER_SEED_DEMO: 'false' }), 'npm');
    const stop = await signalAndTime(npm, this.name);
    const outlived = await eventually(() => refusesConnections(port).then((refused) => { if (!refused) throw new Error('still served'); }), EXIT_ALLOWANCE_MS)
      .then(() => [], () => [`${this.name}: port ${port} still served ${EXIT_ALLOWANCE_MS / 1000} s after npm exited: the server outlived npm`]);
    return { seconds: stop.seconds, violations: [...stop.violations, ...outlived, ...lockViolations(run, this.name)] };
  },
};

/** Every condition, in the order they run and are printed. */
export const CONDITIONS: readonly Condition[] = [idle, underLoad, stalledAndIdleClients, redisDown, postgresDown, npmStart];

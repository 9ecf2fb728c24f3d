import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { issueToken } from '@ledger/application';
import { API, startApiProcess, type ApiProcess } from '../support/api-process';
import { cutDatabase, restoreDatabase } from '../support/database-outage';
import { eventually } from '../support/eventually';
import { startTraffic, type Traffic } from '../support/http-traffic';
import { startListeningApp } from '../support/listening-app';
import { freePort, startRedis, stopRedis } from '../support/own-redis';
import { countsLine, type CampaignSize, type Scenario, type ScenarioReport } from './campaign';
import { signalAndTime } from './shutdown-conditions';
import {
  answeringNormally, judge, outagesUnder, probeOf, probeViolations, RECOVERY_BOUND_MS, writesFigure, type Probe, type Service,
} from './outage-watch';

/** How long each outage lasts, one entry an outage. */
const OUTAGE_MS: Record<CampaignSize, readonly number[]> = { reduced: [2000], full: [3000, 6000, 10_000] };
const CLIENTS = 4;
const SECRET = 'reliability-secret-of-at-least-32-characters';

interface HealthBody { status?: string; eventStore?: { status?: string }; queue?: { status?: string } }

/** (a) The app's PostgreSQL database cut mid-traffic (the shared server stays up), in-process. */
async function postgresOutages(size: CampaignSize): Promise<{ figures: string[]; violations: string[] }> {
  const api = await startListeningApp();
  const { base, databaseName } = api;
  let traffic: Traffic | undefined;
  try {
    const bearer = await api.bearer(['commissioner']);
    const service: Service = {
      name: 'PostgreSQL',
      cut: () => cutDatabase(databaseName),
      restore: () => restoreDatabase(databaseName),
      probe: async () => [await probeOf('/health', `${base}/health`)],
      recovered: async (exchanges, since) => {
        const health = await probeOf('/health', `${base}/health`);
        if (health.status !== 200) throw new Error('health not up yet');
        answeringNormally(exchanges, since);
      },
    };
    traffic = startTraffic(base, bearer, CLIENTS);
    const outages = await outagesUnder(traffic, service, OUTAGE_MS[size]);
    const exchanges = await traffic.stop();
    traffic = undefined;
    const judged = judge('PostgreSQL', outages, exchanges, true, api.warnings);
    const health = probeViolations('PostgreSQL', outages, (probe) => {
      const body = probe.body as HealthBody;
      return probe.status === 503 && body.eventStore?.status === 'down' ? undefined : `/health said ${probe.status} ${JSON.stringify(body)} while the database was cut`;
    });
    const after = await probeOf('/health', `${base}/health`);
    const afterViolations = after.status === 200 ? [] : [`PostgreSQL: /health said ${after.status} ${JSON.stringify(after.body)} after the database returned`];
    const writes = await writesFigure('PostgreSQL', base, bearer, exchanges);
    const probes = outages.flatMap((o) => o.probes).length;
    return {
      figures: [...judged.figures, writes.figure, `PostgreSQL: /health looked at ${probes} times during the outages: ${health.length === 0 ? 'down every time' : `${health.length} times not down`}; up after: ${after.status === 200 ? 'yes' : 'no'}`],
      violations: [...judged.violations, ...health.slice(0, 5), ...afterViolations, ...writes.violations],
    };
  } finally {
    await traffic?.stop();
    await restoreDatabase(databaseName).catch(() => undefined);
    await api.close();
  }
}

/** The built API on the embedded store with BullMQ on a Redis of the scenario's own. */
async function startApiWithRedis(dataDir: string, port: number, redisPort: number): Promise<ApiProcess> {
  if (!fs.existsSync(API)) throw new Error(`${API} is missing: run \`npm run build\` first`);
  return startApiProcess(process.execPath, [API], {
    LEDGER_DATA_DIR: dataDir, PORT: String(port), REDIS_URL: `redis://127.0.0.1:${redisPort}`, AUTH_JWT_SECRET: SECRET, LEDGER_SHUTDOWN_GRACE_MS: '2000',
  });
}

interface JobsBody { mode?: string; schedules?: { nextRun: string | null }[]; counts?: Record<string, number> }

/** The jobs are scheduled: `/api/jobs` answers 200 with every schedule's next run. */
async function jobsScheduled(base: string, admin: string): Promise<Probe> {
  const probe = await probeOf('/api/jobs', `${base}/api/jobs`, admin);
  const body = probe.body as JobsBody;
  if (probe.status !== 200 || body.schedules === undefined || body.schedules.some((s) => s.nextRun === null)) throw new Error(`not scheduled (${probe.status})`);
  return probe;
}

/** The jobs work again: scheduled, and at least one (the catch-up runs queued on reconnecting) completed. */
async function jobsRan(base: string, admin: string): Promise<JobsBody> {
  const body = (await jobsScheduled(base, admin)).body as JobsBody;
  if ((body.counts?.completed ?? 0) === 0) throw new Error('no job has completed yet');
  return body;
}

/** While Redis is down: `/health` up with the queue down, `/api/jobs` 503 with Retry-After. */
function jobsProbeViolation(probe: Probe): string | undefined {
  const body = probe.body as HealthBody;
  if (probe.what === '/health') {
    return probe.status === 200 && body.queue?.status === 'down' ? undefined : `/health said ${probe.status} ${JSON.stringify(body)} while Redis was down`;
  }
  return probe.status === 503 && probe.retryAfter !== null ? undefined : `/api/jobs answered ${probe.status} (Retry-After ${probe.retryAfter}) while Redis was down`;
}

/** (b) The BullMQ scheduler's Redis killed mid-traffic and started again, empty, on the same port. */
async function redisOutages(size: CampaignSize): Promise<{ figures: string[]; violations: string[] }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-outages-'));
  const redisPort = await freePort();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let redis: ChildProcess | undefined = await startRedis(redisPort);
  let api: ApiProcess | undefined;
  let traffic: Traffic | undefined;
  try {
    api = await startApiWithRedis(dataDir, port, redisPort);
    const bearer = `Bearer ${await issueToken(SECRET, { sub: 'reliability-commissioner', roles: ['commissioner'] })}`;
    const admin = `Bearer ${await issueToken(SECRET, { sub: 'reliability-admin', roles: ['admin'] })}`;
    await eventually(() => jobsScheduled(base, admin), RECOVERY_BOUND_MS);
    const service: Service = {
      name: 'Redis',
      cut: async () => {
        if (redis !== undefined) await stopRedis(redis);
        redis = undefined;
      },
      restore: async () => { redis = await startRedis(redisPort); },
      probe: async () => [await probeOf('/api/jobs', `${base}/api/jobs`, admin), await probeOf('/health', `${base}/health`)],
      recovered: async (exchanges, since) => {
        await jobsScheduled(base, admin);
        answeringNormally(exchanges, since);
      },
    };
    traffic = startTraffic(base, bearer, CLIENTS);
    const outages = await outagesUnder(traffic, service, OUTAGE_MS[size]);
    const exchanges = await traffic.stop();
    traffic = undefined;
    const judged = judge('Redis', outages, exchanges, false);
    const probes = probeViolations('Redis', outages, jobsProbeViolation);
    const jobs = await eventually(() => jobsRan(base, admin), RECOVERY_BOUND_MS).catch(() => undefined);
    const writes = await writesFigure('Redis', base, bearer, exchanges);
    const stopped = api;
    api = undefined;
    const exit = await signalAndTime(stopped, 'Redis: the API, stopped after the outages');
    return {
      figures: [
        ...judged.figures, writes.figure,
        `Redis: /api/jobs and /health looked at ${outages.flatMap((o) => o.probes).length} times during the outages: ${probes.length === 0 ? '503 with Retry-After and the queue down every time' : `${probes.length} times otherwise`}`,
        `Redis: jobs after it last returned (empty): ${jobs === undefined ? 'none ran' : `scheduled again and run; queue counts ${countsLine(new Map(Object.entries(jobs.counts ?? {})))}`}`,
      ],
      violations: [
        ...judged.violations, ...probes.slice(0, 5), ...writes.violations,
        ...(jobs === undefined ? [`Redis: no job was scheduled again and run within ${RECOVERY_BOUND_MS / 1000} s of Redis's return`] : []),
        ...exit.violations,
      ],
    };
  } finally {
    await traffic?.stop();
    if (api !== undefined) {
      api.child.kill('SIGKILL');
      await api.exited;
    }
    if (redis !== undefined) await stopRedis(redis);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Redis and PostgreSQL going away mid-traffic and coming back: during a database outage the ledger
 * answers 503 with Retry-After or normally, never 500; without Redis it goes on answering (only the
 * jobs need it); afterwards it recovers in bounded time and has lost no acknowledged write.
 */
export const outages: Scenario = {
  name: 'outages',
  async run(size): Promise<ScenarioReport> {
    const postgres = await postgresOutages(size);
    const redis = await redisOutages(size);
    return {
      title: 'Outages: PostgreSQL and Redis going away mid-traffic',
      figures: [`${CLIENTS} clients writing and reading throughout; an answer is normal when 2xx`, ...postgres.figures, ...redis.figures],
      violations: [...postgres.violations, ...redis.violations],
    };
  },
};

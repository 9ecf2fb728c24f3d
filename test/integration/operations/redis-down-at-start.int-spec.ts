import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { issueToken } from '@ledger/application';
import { API, startApiProcess, type ApiProcess } from '../../support/api-process';
import { eventually } from '../../support/eventually';
import { freePort, startRedis, stopRedis } from '../../support/own-redis';

const SECRET = 'x'.repeat(32);

describe('the API started while its Redis is down', () => {
  let api: ApiProcess;
  let redis: ChildProcess | undefined;
  let base: string;
  let admin: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-redis-down-'));

  let redisPort: number;

  beforeAll(async () => {
    if (!fs.existsSync(API)) throw new Error(`${API} is missing: npm test builds it`);
    const port = await freePort();
    redisPort = await freePort();
    base = `http://127.0.0.1:${port}`;
    admin = await issueToken(SECRET, { sub: 'admin-sam', roles: ['admin'] });
    api = await startApiProcess(process.execPath, [API], {
      LEDGER_DATA_DIR: dataDir, PORT: String(port), REDIS_URL: `redis://127.0.0.1:${redisPort}`, AUTH_JWT_SECRET: SECRET, LEDGER_SHUTDOWN_GRACE_MS: '1000',
    });
  }, 60_000);
  afterAll(async () => {
    api?.child.kill('SIGTERM');
    await api?.exited;
    if (redis) await stopRedis(redis);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens and serves, reports the queue down, and answers GET /api/jobs with 503 and Retry-After at once', async () => {
    const health = await (await fetch(`${base}/health`)).json() as { status: string; queue: Record<string, string> };
    // To the public, only up or down: the connection error (which names the host and port) is for admins.
    expect(health).toMatchObject({ status: 'up', queue: { status: 'down', mode: 'redis' } });
    expect(Object.keys(health.queue).sort()).toEqual(['mode', 'status']);
    const forAdmin = await (await fetch(`${base}/health`, { headers: { Authorization: `Bearer ${admin}` } })).json() as { queue: Record<string, string> };
    expect(forAdmin.queue.detail).toMatch(/ECONNREFUSED|connect/i);
    const jobs = await fetch(`${base}/api/jobs`, { headers: { Authorization: `Bearer ${admin}` } });
    expect(jobs.status).toBe(503);
    expect(jobs.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(jobs.headers.get('content-type')).toContain('application/problem+json');
    const placements = await fetch(`${base}/api/placements`, { headers: { Authorization: `Bearer ${admin}` } });
    expect(placements.status).toBe(200);
  });

  it('schedules the jobs once Redis answers', async () => {
    redis = await startRedis(redisPort);
    const overview = await eventually(async () => {
      const res = await fetch(`${base}/api/jobs`, { headers: { Authorization: `Bearer ${admin}` } });
      const body = await res.json() as { mode: string; schedules: { job: string; nextRun: string | null }[] };
      if (res.status !== 200 || body.schedules.some((s) => s.nextRun === null)) throw new Error(`not scheduled yet (${res.status})`);
      return body;
    }, 30_000);
    expect(overview.mode).toBe('bullmq');
    expect(overview.schedules.map((s) => s.job).sort()).toEqual(['renewal-sweep', 'weekly-report']);
  });
});

import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BullMqScheduler, loadConfig, openLedgerRuntime, ServiceUnavailableError, systemClock, type LedgerRuntime } from '@ledger/application';
import { eventually } from '../../support/eventually';
import { freePort, startRedis, stopRedis } from '../../support/own-redis';

describe('the jobs overview asked for just as Redis dies', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-overview-'));
  let runtime: LedgerRuntime;
  let scheduler: BullMqScheduler;
  let redis: ChildProcess;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    runtime = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: dataDir, AUTH_JWT_SECRET: 'x'.repeat(32) }), systemClock);
    scheduler = new BullMqScheduler(runtime, { 'renewal-sweep': async () => 'not run here', 'weekly-report': async () => 'not run here' }, { redisUrl: `redis://127.0.0.1:${port}`, prefix: 'overview' });
    await scheduler.start();
  }, 60_000);
  afterAll(async () => {
    // Redis back and the queue answering again first: a worker closed while it reconnects can wait for ever.
    if (redis.exitCode !== null || redis.signalCode !== null) redis = await startRedis(port);
    await eventually(() => scheduler.overview(), 30_000);
    await scheduler.stop();
    await stopRedis(redis);
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers "unavailable" within seconds, not once Redis returns', async () => {
    await eventually(() => scheduler.overview());
    // The connection still reads as ready for a moment after Redis is gone: a query sent then used to wait for Redis's return.
    await stopRedis(redis);
    const asked = Date.now();
    await expect(scheduler.overview()).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(Date.now() - asked).toBeLessThan(5000);
  }, 30_000);
});

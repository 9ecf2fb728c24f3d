import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  BullMqScheduler, envelopeFor, ExecutePlacementCommandHandler, loadConfig, ManualClock, openLedgerRuntime, runRenewalSweep, type LedgerRuntime,
} from '@ledger/application';
import type { LocalDate, Pence } from '@ledger/domain';
import request from 'supertest';
import { issueToken } from '@ledger/application';
import { createApp } from '../../../apps/api/src/create-app';
import { testRedis } from '../../support/redis';

const ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const SECRET = 'bullmq-test-secret-of-32-characters!!';
const d = (s: string) => s as LocalDate;

describe('the ledger\'s jobs on BullMQ with a real Redis', () => {
  const clock = new ManualClock(new Date('2026-11-02T09:00:00Z'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bull-'));
  const redis = testRedis();
  let runtime: LedgerRuntime;
  let scheduler: BullMqScheduler;

  beforeAll(async () => {
    runtime = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: dataDir, AUTH_JWT_SECRET: SECRET }), clock);
    const handler = new ExecutePlacementCommandHandler(runtime.eventStore, clock, runtime.config, runtime.projections);
    const run = (command: object) => handler.execute({ placementId: ID, command, envelope: envelopeFor({ id: 'ann', role: 'commissioner' }), options: {} } as never);
    await run({ type: 'RequestPlacement', data: { placementId: ID, childRef: 'LAC-QUEUE', ageAtRequest: 8, needs: [], placementTypeSought: 'U4', urgency: 'planned', requiredFrom: d('2026-11-02'), siblingGroupSize: 1 } });
    await run({ type: 'RecordInHouseSearch', data: { searchedOn: d('2026-11-01'), options: [{ resource: 'In-house', outcome: 'unavailable' }] } });
    await run({ type: 'CommissionPlacement', data: { provider: { id: 'P', name: 'P', type: 'PR4', ofstedGrade: 'good', distanceMiles: 3 }, placementType: 'U4', weeklyRatePence: 90_000 as Pence, startDate: d('2026-11-02'), costCentre: 'CC-IFA' } });
    clock.set('2026-11-24T06:30:00Z');
    scheduler = new BullMqScheduler(runtime, { 'renewal-sweep': runRenewalSweep, 'weekly-report': async () => ({ issued: 'elsewhere' }) }, { redisUrl: redis.url, prefix: redis.prefix, attempts: 2, backoffMs: 10 });
  });
  afterAll(async () => {
    await scheduler.stop();
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const flags = async () => (await runtime.eventStore.readStream(`placement-${ID}`)).events.filter((e) => e.type.endsWith('Flagged')).map((e) => e.type);

  it('registers the renewal sweep as a job scheduler at 07:00 Europe/London', async () => {
    await scheduler.start();
    const schedulers = await scheduler.jobs.getJobSchedulers();
    expect(schedulers).toEqual(expect.arrayContaining([
      expect.objectContaining({ key: 'renewal-sweep', pattern: '0 7 * * *', tz: 'Europe/London' }),
      expect.objectContaining({ key: 'weekly-report', pattern: '0 8 * * 1', tz: 'Europe/London' }),
    ]));
  });

  it('runs today\'s catch-up sweep on start, which flags the review due', async () => {
    const job = await scheduler.jobs.getJob('catch-up-renewal-sweep-2026-11-24');
    expect(job).toBeDefined();
    const result = await job!.waitUntilFinished(scheduler.queueEvents(), 20_000);
    expect(result).toMatchObject({ asOf: '2026-11-24', flagged: [{ placementId: ID, flag: 'ReviewDueFlagged', termEnd: '2026-11-30' }] });
    expect(await flags()).toEqual(['ReviewDueFlagged']);
  });

  it('queues the catch-up once a day however often it is asked, and never flags twice', async () => {
    const again = await scheduler.catchUp();
    expect(again).toEqual(['catch-up-renewal-sweep-2026-11-24', 'catch-up-weekly-report-2026-11-24']);
    expect(await scheduler.jobs.getJobCountByTypes('completed', 'waiting', 'active', 'delayed')).toBeGreaterThanOrEqual(1);
    const job = await scheduler.jobs.getJob('catch-up-renewal-sweep-2026-11-24');
    expect(await job!.getState()).toBe('completed');
    expect(await flags()).toEqual(['ReviewDueFlagged']);
  });

  it('keeps a job that fails after its last attempt, with its error', async () => {
    const bad = await scheduler.jobs.add('renewal-sweep', { job: 'no-such-job' as never, trigger: 'schedule' }, { jobId: 'bad-job', attempts: 2, backoff: { type: 'fixed', delay: 10 }, removeOnFail: false });
    await expect(bad.waitUntilFinished(scheduler.queueEvents(), 20_000)).rejects.toThrow('Unknown job');
    const kept = await scheduler.jobs.getJob('bad-job');
    expect(await kept!.getState()).toBe('failed');
    expect(kept!.attemptsMade).toBe(2);
    expect(kept!.failedReason).toMatch(/Unknown job/);
  });

  it('shows an admin the schedules, the counts and the failed job with its error; nobody else', async () => {
    const app = await createApp(runtime, SECRET, { logs: false, scheduler });
    await app.init();
    try {
      const admin = { Authorization: `Bearer ${await issueToken(SECRET, { sub: 'root', roles: ['admin'] })}` };
      const res = await request(app.getHttpServer()).get('/api/jobs').set(admin).expect(200);
      expect(res.body.mode).toBe('bullmq');
      expect(res.body.schedules).toEqual([
        expect.objectContaining({ job: 'renewal-sweep', pattern: '0 7 * * *', timeZone: 'Europe/London', nextRun: expect.any(String) }),
        expect.objectContaining({ job: 'weekly-report', pattern: '0 8 * * 1', nextRun: expect.any(String) }),
      ]);
      expect(res.body.counts.failed).toBe(1);
      expect(res.body.failed).toEqual([expect.objectContaining({ id: 'bad-job', attemptsMade: 2, failedReason: expect.stringMatching(/Unknown job/) })]);
      const manager = { Authorization: `Bearer ${await issueToken(SECRET, { sub: 'raj', roles: ['manager'] })}` };
      await request(app.getHttpServer()).get('/api/jobs').set(manager).expect(403);
    } finally {
      await app.close();
    }
  });
});

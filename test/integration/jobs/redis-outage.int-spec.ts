import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  BullMqScheduler, envelopeFor, ExecutePlacementCommandHandler, loadConfig, ManualClock, openLedgerRuntime, runRenewalSweep, type LedgerRuntime,
} from '@ledger/application';
import type { LocalDate, Pence, PlacementCommand } from '@ledger/domain';
import { eventually } from '../../support/eventually';
import { freePort, startRedis, stopRedis } from '../../support/own-redis';

const d = (s: string) => s as LocalDate;
const P1 = '33333333-3333-4333-8333-333333333333';
const P2 = '44444444-4444-4444-8444-444444444444';

describe('Redis going away and coming back empty', () => {
  const clock = new ManualClock(new Date('2026-11-02T09:00:00Z'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-outage-'));
  let runtime: LedgerRuntime;
  let scheduler: BullMqScheduler;
  let redis: ChildProcess;
  let port: number;
  let run: (id: string, command: PlacementCommand) => Promise<unknown>;

  const commission = async (id: string, start: string) => {
    const provider = { id: 'P', name: 'Provider', type: 'PR4', ofstedGrade: 'good' as const, distanceMiles: 3 };
    await run(id, { type: 'RequestPlacement', data: { placementId: id, childRef: `LAC-${id.slice(0, 5)}`, ageAtRequest: 9, needs: [], placementTypeSought: 'U4', urgency: 'planned', requiredFrom: d(start), siblingGroupSize: 1 } });
    await run(id, { type: 'RecordInHouseSearch', data: { searchedOn: d(start), options: [{ resource: 'In-house', outcome: 'unavailable' }] } });
    await run(id, { type: 'CommissionPlacement', data: { provider, placementType: 'U4', weeklyRatePence: 91_000 as Pence, startDate: d(start), costCentre: 'CC-IFA' } });
  };
  const flags = async (id: string) => (await runtime.eventStore.readStream(`placement-${id}`)).events.filter((e) => e.type.endsWith('Flagged')).map((e) => `${e.type} on ${e.data.flaggedOn}`);

  /** The job once it has completed, fetched afresh each time: a job read while still active keeps no return value. */
  const completed = (jobId: string) => eventually(async () => {
    const found = await scheduler.jobs.getJob(jobId);
    if (found === undefined || (await found.getState()) !== 'completed' || found.returnvalue == null) throw new Error(`${jobId} has not run yet`);
    return found;
  }, 45_000);

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    runtime = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: dataDir, AUTH_JWT_SECRET: 'x'.repeat(32) }), clock);
    const handler = new ExecutePlacementCommandHandler(runtime.eventStore, clock, runtime.config, runtime.projections);
    run = (id, command) => handler.execute({ placementId: id, command, envelope: envelopeFor({ id: 'ann', role: 'commissioner' }), options: {} } as never);
    await commission(P1, '2026-11-02');
    scheduler = new BullMqScheduler(runtime, { 'renewal-sweep': runRenewalSweep, 'weekly-report': async () => 'not part of this test' },
      { redisUrl: `redis://127.0.0.1:${port}`, prefix: 'outage', attempts: 3, backoffMs: 10 });
  });
  afterAll(async () => {
    await scheduler.stop();
    await stopRedis(redis);
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps recording while Redis is away, then catches up the missed sweep with nothing flagged twice', async () => {
    clock.set('2026-11-23T07:00:00Z');
    await scheduler.start();
    // Polled rather than awaited through QueueEvents, whose stream can miss a job that finished before it connected.
    await completed('catch-up-renewal-sweep-2026-11-23');
    expect(await flags(P1)).toEqual(['ReviewDueFlagged on 2026-11-23']);

    await stopRedis(redis);
    // Redis is gone: commands still record events, because they never touch the queue.
    clock.set('2026-11-26T10:00:00Z');
    await commission(P2, '2026-11-05');
    clock.set('2026-11-30T07:00:00Z'); // P1's term ends unreviewed today; P2's falls due.

    redis = await startRedis(port); // back, and empty: no schedules, no jobs
    const job = await completed('catch-up-renewal-sweep-2026-11-30');
    expect(job.returnvalue.flagged.map((f: { placementId: string; flag: string }) => `${f.placementId.slice(0, 4)} ${f.flag}`).sort())
      .toEqual(['3333 ReviewOverdueFlagged', '4444 ReviewDueFlagged']);
    expect(await flags(P1)).toEqual(['ReviewDueFlagged on 2026-11-23', 'ReviewOverdueFlagged on 2026-11-30']);
    expect(await flags(P2)).toEqual(['ReviewDueFlagged on 2026-11-30']);
    const schedulers = await scheduler.jobs.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual(['renewal-sweep', 'weekly-report']);
  }, 120_000);
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import {
  BullMqScheduler, envelopeFor, ExecutePlacementCommandHandler, loadConfig, ManualClock, openLedgerRuntime,
  type LedgerRuntime, JOB_HANDLERS, issueToken,
} from '@ledger/application';
import { addDays, type LocalDate, type Pence, type PlacementCommand } from '@ledger/domain';
import { listIssuedReports } from '@ledger/projections';
import { createApp } from '../../../apps/api/src/create-app';
import { testRedis } from '../../support/redis';

const SECRET = 'simulated-weeks-secret-at-least-32-chars';
const d = (s: string) => s as LocalDate;
const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';

describe('five simulated weeks of scheduled jobs on BullMQ with a real Redis', () => {
  const clock = new ManualClock(new Date('2026-10-30T09:00:00Z'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-weeks-'));
  const redis = testRedis();
  let runtime: LedgerRuntime;
  let scheduler: BullMqScheduler;
  let run: (id: string, command: PlacementCommand) => Promise<unknown>;

  beforeAll(async () => {
    runtime = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: dataDir, AUTH_JWT_SECRET: SECRET }), clock);
    const handler = new ExecutePlacementCommandHandler(runtime.eventStore, clock, runtime.config, runtime.projections);
    run = (id, command) => handler.execute({ placementId: id, command, envelope: envelopeFor({ id: 'ann', role: 'commissioner' }), options: {} } as never);
    const provider = { id: 'P', name: 'Provider', type: 'PR4', ofstedGrade: 'good' as const, distanceMiles: 3 };
    for (const [id, start] of [[P1, '2026-11-02'], [P2, '2026-11-09']] as const) {
      await run(id, { type: 'RequestPlacement', data: { placementId: id, childRef: `LAC-${id.slice(0, 5)}`, ageAtRequest: 9, needs: [], placementTypeSought: 'U4', urgency: 'planned', requiredFrom: d(start), siblingGroupSize: 1 } });
      await run(id, { type: 'RecordInHouseSearch', data: { searchedOn: d('2026-10-30'), options: [{ resource: 'In-house', outcome: 'unavailable' }] } });
      await run(id, { type: 'CommissionPlacement', data: { provider, placementType: 'U4', weeklyRatePence: 91_000 as Pence, startDate: d(start), costCentre: 'CC-IFA' } });
    }
    scheduler = new BullMqScheduler(runtime, JOB_HANDLERS, { redisUrl: redis.url, prefix: redis.prefix, attempts: 2, backoffMs: 10 });
  });
  afterAll(async () => {
    await scheduler.stop();
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('flags each review once and on time, and issues a report each Monday that matches the returns API', async () => {
    clock.set('2026-11-02T07:00:00Z');
    await scheduler.start();
    for (let day = d('2026-11-02'); day <= '2026-12-08'; day = addDays(day, 1)) {
      clock.set(`${day}T07:00:00Z`);
      if (day === '2026-12-03') {
        clock.set('2026-12-03T10:00:00Z');
        await run(P2, { type: 'RecordFourWeekReview', data: { reviewedOn: d('2026-12-03'), outcome: 'extend' } });
        await run(P2, { type: 'ExtendPlacement', data: { newTermEnd: d('2027-02-22'), reason: 'Settled' } });
      }
      for (const jobId of await scheduler.catchUp()) {
        await (await scheduler.jobs.getJob(jobId))!.waitUntilFinished(scheduler.queueEvents(), 30_000);
      }
    }
    const flags = async (id: string) => (await runtime.eventStore.readStream(`placement-${id}`)).events
      .filter((e) => e.type.endsWith('Flagged')).map((e) => `${e.type} ${e.data.termEnd} on ${e.data.flaggedOn}`);
    expect(await flags(P1)).toEqual(['ReviewDueFlagged 2026-11-30 on 2026-11-23', 'ReviewOverdueFlagged 2026-11-30 on 2026-11-30']);
    expect(await flags(P2)).toEqual(['ReviewDueFlagged 2026-12-07 on 2026-11-30']);

    const issued = (await listIssuedReports(runtime.database)).reverse();
    expect(issued.map((r) => [r.weekCommencing, r.issuedAt.slice(0, 10)])).toEqual([
      ['2026-10-26', '2026-11-02'], ['2026-11-02', '2026-11-09'], ['2026-11-09', '2026-11-16'],
      ['2026-11-16', '2026-11-23'], ['2026-11-23', '2026-11-30'], ['2026-11-30', '2026-12-07'],
    ]);
    const app = await createApp(runtime, SECRET, { logs: false });
    await app.init();
    const auth = { Authorization: `Bearer ${await issueToken(SECRET, { sub: 'fo', roles: ['finance'] })}` };
    for (const entry of issued) {
      const report = (await request(app.getHttpServer()).get(`/api/reports/issued/${entry.reportId}?format=json`).set(auth).expect(200)).body.report;
      const week = (await request(app.getHttpServer()).get(`/api/returns/weekly?weekCommencing=${entry.weekCommencing}&asAt=${entry.asAt}`).set(auth).expect(200)).body;
      expect(report.week.total).toEqual(week.total);
      expect(report.headline.spendToDatePence).toBe(week.total.financialYearToDatePence);
    }
    // The week of 23 November: P1 for 7 days and P2 for 7 days at £910 a week.
    const lastButOne = (await request(app.getHttpServer()).get(`/api/reports/issued/${issued[4].reportId}?format=json`).set(auth).expect(200)).body.report;
    expect(lastButOne.week.total.grossPence).toBe(182_000);
    await app.close();
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, ManualClock, openLedgerRuntime, seedOrResumeDemoCouncil, type LedgerRuntime } from '@ledger/application';
import { listPlacementSummaries, loadLedgerAsAt } from '@ledger/projections';
import { externalPlacements, reviewsDueAndOverdue } from '@ledger/reporting';
import type { LocalDate } from '@ledger/domain';

describe('the demo council recorded through the real decider', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-demo-'));
  let runtime: LedgerRuntime;

  beforeAll(async () => {
    const config = loadConfig({ LEDGER_DATA_DIR: dataDir, AUTH_JWT_SECRET: 'x'.repeat(32) });
    runtime = await openLedgerRuntime(config, new ManualClock(new Date('2026-11-23T10:00:00Z')));
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is accepted step by step and leaves about sixty external placements active', async () => {
    const seeding = await seedOrResumeDemoCouncil(runtime);
    expect(seeding).toMatchObject({ kind: 'seeded' });
    expect(seeding.kind === 'seeded' && seeding.outcome.appended).toBeGreaterThan(500);
    const active = await listPlacementSummaries(runtime.database, { status: 'commissioned' });
    expect(active.length).toBeGreaterThanOrEqual(50);
    expect(active.length).toBeLessThanOrEqual(75);
    for (const placement of active) expect(placement.weeklyRatePence).toBeGreaterThanOrEqual(80_000);
  });

  it('has reviews falling due this week and terms already overdue, for the renewals list', async () => {
    const ledger = await loadLedgerAsAt(runtime.eventStore, new Date('2026-11-23T12:00:00Z'));
    const { reviewsDue, reviewsOverdue } = reviewsDueAndOverdue(externalPlacements(ledger.placements), '2026-11-23' as LocalDate);
    expect(reviewsDue.length).toBeGreaterThan(0);
    expect(reviewsOverdue.length).toBeGreaterThan(0);
    expect(reviewsDue.every((r) => r.daysToTermEnd > 0 && r.daysToTermEnd <= 7)).toBe(true);
    expect(reviewsOverdue.every((r) => r.daysToTermEnd <= 0)).toBe(true);
  });

  it('seeds nothing the second time', async () => {
    const before = await runtime.eventStore.countEvents();
    expect(await seedOrResumeDemoCouncil(runtime)).toMatchObject({ kind: 'complete', outcome: { appended: 0, placements: 0 } });
    expect(await runtime.eventStore.countEvents()).toBe(before);
  });

  it('finishes a seed that stopped part-way, appending only the missing steps, to the very events of an unbroken seed', async () => {
    const whole = await runtime.eventStore.readAll({ limit: 100_000 });
    // What a crash leaves: a prefix of the log ending on a step's boundary (each step is one atomic append).
    const cut = whole.findIndex((event, i) => i >= whole.length / 2 && JSON.stringify(event.metadata.demoSeed) !== JSON.stringify(whole[i - 1].metadata.demoSeed));
    const brokenDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-demo-cut-'));
    // A day later, as a restart might be: the seed must go on with the day it began with.
    const broken = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: brokenDir, AUTH_JWT_SECRET: 'x'.repeat(32) }), new ManualClock(new Date('2026-11-24T10:00:00Z')));
    try {
      for (const event of whole.slice(0, cut)) {
        await broken.eventStore.append(event.streamId, event.streamRevision === 0 ? 'no-stream' : event.streamRevision - 1, [event]);
      }
      const seeding = await seedOrResumeDemoCouncil(broken);
      expect(seeding).toMatchObject({ kind: 'resumed', outcome: { appended: whole.length - cut } });
      const resumed = await broken.eventStore.readAll({ limit: 100_000 });
      const shape = (events: typeof whole) => events.map((e) => [e.eventId, e.streamId, e.streamRevision, e.type, e.data, e.metadata]);
      expect(shape(resumed)).toEqual(shape(whole));
      expect(await seedOrResumeDemoCouncil(broken)).toMatchObject({ kind: 'complete' });
    } finally {
      await broken.close();
      fs.rmSync(brokenDir, { recursive: true, force: true });
    }
  });

  it('leaves a store that holds events of its own alone', async () => {
    const ownDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-demo-own-'));
    const own = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: ownDir, AUTH_JWT_SECRET: 'x'.repeat(32) }), new ManualClock(new Date('2026-11-23T10:00:00Z')));
    try {
      const [first] = await runtime.eventStore.readAll({ limit: 1 });
      const { demoSeed: _mark, ...unmarked } = first.metadata;
      await own.eventStore.append(first.streamId, 'no-stream', [{ ...first, eventId: '0b0e3f1c-52a4-4c3e-9f61-6a2f7d9e8c11', metadata: unmarked as typeof first.metadata }]);
      expect(await seedOrResumeDemoCouncil(own)).toEqual({ kind: 'not-demo' });
      expect(await own.eventStore.countEvents()).toBe(1);
    } finally {
      await own.close();
      fs.rmSync(ownDir, { recursive: true, force: true });
    }
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, ManualClock, openLedgerRuntime, seedDemoCouncilIfEmpty, type LedgerRuntime } from '@ledger/application';
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
    const outcome = await seedDemoCouncilIfEmpty(runtime);
    expect(outcome.appended).toBeGreaterThan(500);
    const active = await listPlacementSummaries(runtime.database, { status: 'commissioned' });
    expect(active.length).toBeGreaterThanOrEqual(50);
    expect(active.length).toBeLessThanOrEqual(75);
    for (const placement of active) expect(placement.weeklyRatePence).toBeGreaterThanOrEqual(80_000);
  });

  it('has reviews falling due this week and terms already overdue, for the renewals list', async () => {
    const ledger = await loadLedgerAsAt(runtime.database, new Date('2026-11-23T12:00:00Z'));
    const { reviewsDue, reviewsOverdue } = reviewsDueAndOverdue(externalPlacements(ledger.placements), '2026-11-23' as LocalDate);
    expect(reviewsDue.length).toBeGreaterThan(0);
    expect(reviewsOverdue.length).toBeGreaterThan(0);
    expect(reviewsDue.every((r) => r.daysToTermEnd > 0 && r.daysToTermEnd <= 7)).toBe(true);
    expect(reviewsOverdue.every((r) => r.daysToTermEnd <= 0)).toBe(true);
  });

  it('seeds nothing the second time', async () => {
    const before = await runtime.eventStore.countEvents();
    expect(await seedDemoCouncilIfEmpty(runtime)).toEqual({ placements: 0, appended: 0 });
    expect(await runtime.eventStore.countEvents()).toBe(before);
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, ManualClock, openLedgerRuntime, seedDemoCouncilIfEmpty, type LedgerRuntime } from '@ledger/application';
import { listPlacementSummaries } from '@ledger/projections';

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

  it('seeds nothing the second time', async () => {
    const before = (await runtime.eventStore.readAll({ limit: 100_000 })).length;
    expect(await seedDemoCouncilIfEmpty(runtime)).toEqual({ placements: 0, appended: 0 });
    expect((await runtime.eventStore.readAll({ limit: 100_000 })).length).toBe(before);
  });
});

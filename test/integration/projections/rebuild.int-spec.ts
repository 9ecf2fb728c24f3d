import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, ManualClock, openLedgerRuntime, seedDemoCouncil, type LedgerRuntime } from '@ledger/application';
import { rebuildReadModels } from '@ledger/projections';
import { createTestDatabase } from '../../support/postgres';
import { readModelSnapshot as snapshot } from '../../support/read-models';

describe.each(['embedded', 'postgres'] as const)('rebuilding the read models of a generated ledger on the %s store', (kind) => {
  let runtime: LedgerRuntime;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-rebuild-'));
    const database = kind === 'postgres' ? await createTestDatabase() : undefined;
    runtime = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: dataDir, DATABASE_URL: database?.url, AUTH_JWT_SECRET: 'x'.repeat(32) }), new ManualClock(new Date('2026-11-23T12:00:00Z')));
    cleanup = async () => {
      await runtime.close();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
    const seeded = await seedDemoCouncil(runtime, '2026-11-23', 11);
    expect(await runtime.projections.waitFor(seeded.lastPosition as string, 30_000)).toBe(true);
  });
  afterAll(() => cleanup());

  it('gives exactly the read models the live projector built event by event', async () => {
    const incremental = await snapshot(runtime);
    expect(incremental.summary.length).toBeGreaterThan(50);
    expect(incremental.summary.filter((row) => (row as { reviewed_term_end: string | null }).reviewed_term_end !== null).length).toBeGreaterThan(10);
    const events = (await runtime.eventStore.readAll({ limit: 1_000_000 })).length;
    expect(events).toBeGreaterThan(500);
    await runtime.projections.stop();
    const seen: number[] = [];
    const outcome = await rebuildReadModels(runtime.eventStore, runtime.projections, (p) => seen.push(p.done), 97);
    expect(outcome.done).toBe(events);
    expect(outcome.total).toBe(events);
    expect(seen[0]).toBe(97);
    expect(await snapshot(runtime)).toEqual(incremental);
  });
});

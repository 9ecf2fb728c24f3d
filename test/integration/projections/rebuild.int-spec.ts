import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, ManualClock, openLedgerRuntime, runRenewalSweep, seedDemoCouncil, type LedgerRuntime } from '@ledger/application';
import type { EventStore } from '@ledger/event-store';
import { rebuildReadModels } from '@ledger/projections';
import { createTestDatabase } from '../../support/postgres';
import { readModelSnapshot } from '../../support/read-models';

/** The read models, and every notification as made (not as sent): a rebuild must make each one again. */
async function snapshot(runtime: LedgerRuntime) {
  return {
    ...(await readModelSnapshot(runtime)),
    notifications: await runtime.database.query(
      'SELECT notification_id, recipient_id, placement_id, kind, term_end, flagged_on, subject, body, created_at FROM notifications ORDER BY notification_id'),
  };
}

/** The store, whose reading fails after `pages` pages, as a database cut mid-rebuild would. */
function failingAfter(store: EventStore, pages: number): EventStore {
  let left = pages;
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key !== 'readAll') return Reflect.get(target, key, receiver);
      return (options: Parameters<EventStore['readAll']>[0]) => (left-- > 0 ? target.readAll(options) : Promise.reject(new Error('Connection terminated unexpectedly')));
    },
  });
}

describe.each(['embedded', 'postgres'] as const)('rebuilding the read models of a generated ledger on the %s store', (kind) => {
  let runtime: LedgerRuntime;
  let cleanup: () => Promise<void>;
  let incremental: Awaited<ReturnType<typeof snapshot>>;
  let events: number;

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-rebuild-'));
    const database = kind === 'postgres' ? await createTestDatabase() : undefined;
    const clock = new ManualClock(new Date('2026-11-23T12:00:00Z'));
    runtime = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: dataDir, DATABASE_URL: database?.url, AUTH_JWT_SECRET: 'x'.repeat(32) }), clock);
    cleanup = async () => {
      await runtime.close();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
    await seedDemoCouncil(runtime, '2026-11-23', 11);
    await runRenewalSweep(runtime, 'rebuild-test');
    const head = await runtime.eventStore.headPosition();
    expect(await runtime.projections.waitFor(head, 30_000)).toBe(true);
    await runtime.projections.stop();
    incremental = await snapshot(runtime);
    events = (await runtime.eventStore.readAll({ limit: 1_000_000 })).length;
  });
  afterAll(() => cleanup());

  it('has a ledger with every read model in use', () => {
    expect(events).toBeGreaterThan(500);
    expect(incremental.summary.length).toBeGreaterThan(50);
    expect(incremental.summary.filter((row) => (row as { reviewed_term_end: string | null }).reviewed_term_end !== null).length).toBeGreaterThan(10);
    expect(incremental.commissioners.length).toBe(incremental.summary.length);
    expect(incremental.notifications.filter((n) => (n as { kind: string }).kind.startsWith('review-')).length).toBeGreaterThan(0);
  });

  it('gives exactly the read models the live projector built batch by batch, written once or many times', async () => {
    for (const writeEvery of [1_000_000, 250]) {
      await runtime.database.query('DELETE FROM notifications');
      const seen: number[] = [];
      const outcome = await rebuildReadModels(runtime.eventStore, runtime.projections, { onProgress: (p) => seen.push(p.done), pageSize: 97, writeEvery });
      expect(outcome.done).toBe(events);
      expect(outcome.total).toBe(events);
      expect(seen[0]).toBe(97);
      expect(await snapshot(runtime)).toEqual(incremental);
    }
  });

  it('stopped part-way, is finished by the live projector from its last write to the same read models', async () => {
    await runtime.database.query('DELETE FROM notifications');
    const cut = failingAfter(runtime.eventStore, 5);
    await expect(rebuildReadModels(cut, runtime.projections, { pageSize: 97, writeEvery: 200 })).rejects.toThrow('Connection terminated');
    const checkpoints = await runtime.database.query<{ position: string }>('SELECT DISTINCT position FROM projection_checkpoints');
    expect(checkpoints).toHaveLength(1);
    const written = (await runtime.eventStore.readAll({ limit: 1_000_000 })).findIndex((e) => e.position === checkpoints[0].position) + 1;
    // Five pages of 97 were read; the write after the third (291 ≥ 200) is the last, and it had finished.
    expect(written).toBe(3 * 97);
    await runtime.projections.start();
    expect(await runtime.projections.waitFor(await runtime.eventStore.headPosition(), 30_000)).toBe(true);
    await runtime.projections.stop();
    expect(await snapshot(runtime)).toEqual(incremental);
  });
});

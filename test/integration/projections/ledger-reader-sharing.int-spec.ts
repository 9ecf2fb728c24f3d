import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, ManualClock, openLedgerRuntime, type LedgerRuntime } from '@ledger/application';
import type { PlacementState } from '@ledger/domain';
import { loadLedgerAsAt, type LedgerAsAt } from '@ledger/projections';
import { syntheticLedger } from '../../bench/synthetic-ledger';
import { createTestDatabase } from '../../support/postgres';

/**
 * A fold as known at a past instant takes, for every placement with nothing recorded since, the state
 * the latest fold holds, so a past asAt costs the placements that changed, not a second ledger; and it
 * still answers exactly what a fold of the log as known then says.
 */
describe.each(['embedded', 'postgres'] as const)('the ledger as known at a past instant, sharing what has not changed since, on the %s store', (kind) => {
  let runtime: LedgerRuntime;
  let cleanup: () => Promise<void>;
  const today = '2026-11-23';
  /** Each stream's newest recorded instant, as appended. */
  const newest = new Map<string, number>();

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-reader-sharing-'));
    const database = kind === 'postgres' ? await createTestDatabase() : undefined;
    runtime = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: dataDir, DATABASE_URL: database?.url, AUTH_JWT_SECRET: 'x'.repeat(32) }), new ManualClock(new Date(`${today}T12:00:00Z`)));
    cleanup = async () => {
      await runtime.close();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
    let last = '';
    for (const { streamId, events } of syntheticLedger({ placements: 40, years: 1, today, termDays: 28, seed: 7 })) {
      last = (await runtime.eventStore.append(streamId, 'no-stream', events)).position;
      newest.set(streamId, Math.max(...events.map((e) => Date.parse(e.metadata.recordedAt))));
    }
    // The reader reads as far as the read models have applied (read-your-writes), as a command's response
    // waits for; on PostgreSQL an append is visible to readers only once no older transaction is open.
    expect(await runtime.projections.waitFor(last, 20_000)).toBe(true);
  });
  afterAll(() => cleanup());

  const byStream = (ledger: LedgerAsAt): Map<string, PlacementState> => new Map([...(ledger.streams ?? new Map<string, PlacementState>())]);

  const seen = { shared: 0, folded: 0, elementsEqual: 0, elementsShared: 0 };

  /**
   * A changed placement's list elements still current (the rows' parts still open) are the latest fold's own
   * objects, not parsed again: in this ledger an element, once made, never changes, so each equal is shared.
   */
  const countElements = (past: PlacementState, latest: PlacementState) => {
    for (const [field, value] of Object.entries(past)) {
      const now = (latest as unknown as Record<string, unknown>)[field];
      if (!Array.isArray(value) || !Array.isArray(now)) continue;
      value.forEach((element: unknown, i) => {
        if (JSON.stringify(element) !== JSON.stringify(now[i])) return;
        seen.elementsEqual += 1;
        if (element === now[i]) seen.elementsShared += 1;
      });
    }
  };

  it.each(['2026-01-10T12:00:00Z', '2026-06-01T00:00:00Z', '2026-10-30T10:00:00Z', '2026-11-20T23:00:00Z'])('answers %s as a fold of the log then, sharing every placement unchanged since', async (instant) => {
    const latest = byStream(await runtime.ledger.at(new Date(`${today}T12:00:00Z`)));
    const past = byStream(await runtime.ledger.at(new Date(instant)));
    expect(past).toEqual(byStream(await loadLedgerAsAt(runtime.eventStore, new Date(instant))));
    const cut = Date.parse(instant);
    for (const [streamId, state] of past) {
      // Nothing recorded since: the latest fold's own state. Else folded from its facts up to the instant.
      const unchanged = (newest.get(streamId) as number) <= cut;
      if (unchanged) expect(state).toBe(latest.get(streamId));
      else expect(state).not.toBe(latest.get(streamId));
      seen[unchanged ? 'shared' : 'folded'] += 1;
      if (!unchanged) countElements(state, latest.get(streamId) as PlacementState);
    }
  });

  it('met both kinds of placement on the way', () => {
    expect(seen.shared).toBeGreaterThan(10);
    expect(seen.folded).toBeGreaterThan(10);
    expect(seen.elementsEqual).toBeGreaterThan(50);
    expect(seen.elementsShared).toBe(seen.elementsEqual);
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openEventStorage, type EventStore, type NewEvent, type SqlDatabase } from '@ledger/event-store';
import { listPlacementSummaries, placementSummaryProjection, ProjectionRunner } from '@ledger/projections';
import { createTestDatabase } from '../../support/postgres';

const metadata = { actorId: 'ann', actorRole: 'commissioner', recordedAt: '2026-11-23T10:00:00.000Z', correlationId: 'c', causationId: 'c' };
const ev = (type: string, data: Record<string, unknown>): NewEvent => ({ eventId: randomUUID(), type, version: 1, data, metadata });

/** A small ledger: requests, commissions, rate changes and ends across `n` placements. */
async function recordLedger(store: EventStore, n: number): Promise<string> {
  let last = '';
  for (let i = 0; i < n; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const stream = `placement-${id}`;
    last = (await store.append(stream, 'no-stream', [
      ev('PlacementRequested', { placementId: id, childRef: `LAC-${i}`, ageAtRequest: 9, needs: [], placementTypeSought: 'U4', urgency: 'planned', requiredFrom: '2026-04-01', siblingGroupSize: 1 }),
      ev('PlacementCommissioned', {
        placementId: id, provider: { id: 'P1', name: 'Brightway', type: 'PR4', ofstedGrade: 'good', distanceMiles: 4 }, placementType: 'U4',
        weeklyRatePence: 90_000 + i, startDate: '2026-04-06', initialTermDays: 28, termEnd: '2026-05-04', costCentre: i % 2 ? 'CC-IFA' : 'CC-RES',
        emergencyReason: 'out of hours',
      }),
    ])).position;
    if (i % 3 === 0) last = (await store.append(stream, 1, [ev('PlacementRateChanged', { placementId: id, effectiveFrom: '2026-04-20', weeklyRatePence: 100_000 + i, previousWeeklyRatePence: 90_000 + i, reason: 'uplift' })])).position;
    if (i % 4 === 0) last = (await store.append(stream, 'any', [ev('PlacementEnded', { placementId: id, endDate: '2026-06-01', reason: 'E4A' })])).position;
  }
  return last;
}

describe.each(['embedded', 'postgres'] as const)('projections on the %s store', (kind) => {
  let store: EventStore;
  let database: SqlDatabase;
  let close: () => Promise<void>;
  let last: string;

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-proj-'));
    const pg = kind === 'postgres' ? await createTestDatabase() : undefined;
    const storage = await openEventStorage({ dataDir, databaseUrl: pg?.url });
    ({ eventStore: store, database } = storage);
    close = async () => {
      await storage.close();
      await pg?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
    last = await recordLedger(store, 40);
  });
  afterAll(() => close());

  const snapshot = () => listPlacementSummaries(database, {});

  it('builds the read model from the subscription and waits for a position', async () => {
    const runner = new ProjectionRunner(store, database, [placementSummaryProjection], 7);
    await runner.start();
    expect(await runner.waitFor(last, 20_000)).toBe(true);
    await runner.stop();
    const rows = await snapshot();
    expect(rows).toHaveLength(40);
    expect(rows.filter((r) => r.status === 'ended')).toHaveLength(10);
    expect(rows.find((r) => r.childRef === 'LAC-3')?.weeklyRatePence).toBe(100_003);
  });

  it('ends with the same read model after being stopped part-way and restarted, as a rebuild gives', async () => {
    const incremental = await snapshot();
    const runner = new ProjectionRunner(store, database, [placementSummaryProjection], 5);
    await runner.reset();
    const all = await store.readAll({ limit: 10_000 });
    expect(all[all.length - 1].position).toBe(last);
    // Apply the first batches by hand, then "crash" mid-log and let a fresh runner resume from the checkpoint.
    await runner.applyBatch(all.slice(0, 5));
    await runner.applyBatch(all.slice(5, 23));
    const resumed = new ProjectionRunner(store, database, [placementSummaryProjection], 5);
    await resumed.start();
    expect(await resumed.waitFor(last, 20_000)).toBe(true);
    await resumed.stop();
    expect(await snapshot()).toEqual(incremental);
  });

  it('applies a batch it has already applied without effect (exactly-once)', async () => {
    const before = await snapshot();
    const runner = new ProjectionRunner(store, database, [placementSummaryProjection]);
    const all = await store.readAll({ limit: 10_000 });
    await runner.applyBatch(all.slice(0, 30));
    expect(await snapshot()).toEqual(before);
  });
});

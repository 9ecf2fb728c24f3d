import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, ManualClock, openLedgerRuntime, type LedgerRuntime } from '@ledger/application';
import { addDays, financialYearOf, pence, financialYearRange, mondayOf, placementStreamId, type LocalDate, type PlacementState } from '@ledger/domain';
import { loadLedgerAsAt, rebuildReadModels, type LedgerAsAt } from '@ledger/projections';
import { buildCompliance, buildForecast, buildReturn, externalPlacements, renewalsDue, reviewsDueAndOverdue } from '@ledger/reporting';
import { generateDemoCouncil } from '../../../libs/application/src/demo';
import { createTestDatabase } from '../../support/postgres';
import { recordSteps } from '../../support/record-steps';

const idOf = (s: PlacementState) => (s.status === 'Initial' ? '' : s.placementId);
const byId = (ledger: LedgerAsAt) => new Map(ledger.placements.map((s) => [idOf(s), s]));
/** Every report on one ledger: a placement's part in each is kept by its state, so these test that keeping. */
function reports(ledger: LedgerAsAt, day: LocalDate) {
  const week = mondayOf(day);
  const year = financialYearOf(day);
  const { start } = financialYearRange(year);
  return {
    weekly: buildReturn('weekly', ledger, week, addDays(week, 7)),
    quarter: buildReturn('quarterly', ledger, start, addDays(start, 91)),
    forecast: buildForecast(ledger, year, day, { redBasisPoints: 200, redPence: pence(5_000_000) }),
    compliance: buildCompliance(ledger, start, addDays(day, 1), day),
    renewals: renewalsDue(ledger, day, 14),
  };
}
const sorted = (ledger: LedgerAsAt) => ({ placements: [...ledger.placements].sort((a, b) => (idOf(a) < idOf(b) ? -1 : 1)), budgets: ledger.budgets });

describe.each(['embedded', 'postgres'] as const)('the latest ledger moved on by each write, on the %s store', (kind) => {
  let runtime: LedgerRuntime;
  let cleanup: () => Promise<void>;
  const steps = generateDemoCouncil({ today: '2026-11-23', seed: 5 }).steps.slice(0, 900);
  const future = new Date('2030-01-01T00:00:00Z');
  const chunks = [steps.slice(0, 500), steps.slice(500, 560), steps.slice(560, 561), steps.slice(561, 700), steps.slice(700, 900)];

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-incremental-'));
    const database = kind === 'postgres' ? await createTestDatabase() : undefined;
    runtime = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: dataDir, DATABASE_URL: database?.url, AUTH_JWT_SECRET: 'x'.repeat(32) }), new ManualClock(future));
    cleanup = async () => {
      await runtime.close();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
    await recordSteps(runtime, chunks[0]);
  });
  afterAll(() => cleanup());

  it('equals a fold of the whole log after every write, and keeps the state of each placement a write did not touch', async () => {
    let before = await runtime.ledger.at(future);
    // The same windows each time, so every report after a write reuses the parts of untouched placements.
    const day = chunks[3][chunks[3].length - 1].recordedAt.slice(0, 10) as LocalDate;
    reports(before, day);
    for (const chunk of chunks.slice(1, 4)) {
      await recordSteps(runtime, chunk);
      const after = await runtime.ledger.at(future);
      const fresh = await loadLedgerAsAt(runtime.eventStore, future);
      expect(sorted(after)).toEqual(sorted(fresh));
      expect(reports(after, day)).toEqual(reports(fresh, day));
      const renewals = renewalsDue(after, day, 14);
      expect(renewals).toEqual(reviewsDueAndOverdue(externalPlacements(fresh.placements), day, 14));
      expect(renewals.reviewsDue.length + renewals.reviewsOverdue.length).toBeGreaterThan(0);
      const touched = new Set(chunk.flatMap((s) => (s.streamKind === 'placement' ? [s.placementId] : [])));
      const previous = byId(before);
      let kept = 0;
      for (const [id, state] of byId(after)) {
        if (touched.has(id)) continue;
        expect(state).toBe(previous.get(id));
        kept += 1;
      }
      expect(kept).toBeGreaterThan(0);
      before = after;
    }
  });

  it('keeps a fold of a past instant across writes recorded after it', async () => {
    const instant = new Date(chunks[1][0].recordedAt);
    const first = await runtime.ledger.at(instant);
    expect(first.asAt).toBe(instant.toISOString());
    await recordSteps(runtime, chunks[4].slice(0, 20));
    const again = await runtime.ledger.at(instant);
    expect(again.placements).toBe(first.placements);
    expect(sorted(again)).toEqual(sorted(await loadLedgerAsAt(runtime.eventStore, instant)));
  });

  it('stays right when the read models are rebuilt beside it', async () => {
    await runtime.ledger.at(future);
    await runtime.projections.stop();
    await rebuildReadModels(runtime.eventStore, runtime.projections);
    await runtime.projections.start();
    await recordSteps(runtime, chunks[4].slice(20));
    const latest = await runtime.ledger.at(future);
    expect(sorted(latest)).toEqual(sorted(await loadLedgerAsAt(runtime.eventStore, future)));
    const last = chunks[4][chunks[4].length - 1];
    if (last.streamKind === 'placement') expect(latest.streams?.get(placementStreamId(last.placementId))?.status).not.toBe('Initial');
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  envelopeFor, ExecutePlacementCommandHandler, loadConfig, ManualClock, openLedgerRuntime, runRenewalSweep, type LedgerRuntime,
} from '@ledger/application';
import type { LocalDate, Pence, PlacementCommand } from '@ledger/domain';

const ID = '3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b';
const d = (s: string) => s as LocalDate;

describe('the renewal sweep over simulated days', () => {
  const clock = new ManualClock(new Date('2026-11-01T09:00:00Z'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-sweep-'));
  let runtime: LedgerRuntime;
  let run: (command: PlacementCommand) => Promise<unknown>;

  beforeAll(async () => {
    runtime = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: dataDir, AUTH_JWT_SECRET: 'x'.repeat(32) }), clock);
    const handler = new ExecutePlacementCommandHandler(runtime.eventStore, clock, runtime.config, runtime.projections);
    run = (command) => handler.execute({ placementId: ID, command, envelope: envelopeFor({ id: 'ann', role: 'commissioner' }), options: {} } as never);
    await run({ type: 'RequestPlacement', data: { placementId: ID, childRef: 'LAC-SWEEP', ageAtRequest: 12, needs: [], placementTypeSought: 'U4', urgency: 'planned', requiredFrom: d('2026-11-02'), siblingGroupSize: 1 } });
    await run({ type: 'RecordInHouseSearch', data: { searchedOn: d('2026-11-01'), options: [{ resource: 'In-house', outcome: 'unavailable' }] } });
    await run({ type: 'CommissionPlacement', data: { provider: { id: 'P', name: 'P', type: 'PR4', ofstedGrade: 'good', distanceMiles: 3 }, placementType: 'U4', weeklyRatePence: 90_000 as Pence, startDate: d('2026-11-02'), costCentre: 'CC-IFA' } });
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const sweepOn = async (day: string) => {
    clock.set(`${day}T07:00:00Z`);
    return (await runRenewalSweep(runtime)).flagged.map((f) => `${f.flag} ${f.termEnd}`);
  };

  it('flags nothing more than seven days before the term ends on 30 November', async () => {
    expect(await sweepOn('2026-11-22')).toEqual([]);
  });

  it('flags the review due once, however often it runs', async () => {
    expect(await sweepOn('2026-11-23')).toEqual(['ReviewDueFlagged 2026-11-30']);
    expect(await sweepOn('2026-11-23')).toEqual([]);
    expect(await sweepOn('2026-11-27')).toEqual([]);
  });

  it('flags the term overdue on the day it ends unreviewed, once', async () => {
    expect(await sweepOn('2026-11-29')).toEqual([]);
    expect(await sweepOn('2026-11-30')).toEqual(['ReviewOverdueFlagged 2026-11-30']);
    expect(await sweepOn('2026-12-01')).toEqual([]);
  });

  it('flags the next term afresh after a late review and an extension', async () => {
    clock.set('2026-12-02T10:00:00Z');
    await run({ type: 'RecordFourWeekReview', data: { reviewedOn: d('2026-12-02'), outcome: 'extend' } });
    await run({ type: 'ExtendPlacement', data: { newTermEnd: d('2027-02-22'), reason: 'Settled' } });
    expect(await sweepOn('2027-02-14')).toEqual([]);
    expect(await sweepOn('2027-02-15')).toEqual(['ReviewDueFlagged 2027-02-22']);
    const flags = (await runtime.eventStore.readStream(`placement-${ID}`)).events.filter((e) => e.type.endsWith('Flagged'));
    expect(flags.map((e) => [e.type, e.data.termEnd, e.metadata.actorRole])).toEqual([
      ['ReviewDueFlagged', '2026-11-30', 'scheduler'], ['ReviewOverdueFlagged', '2026-11-30', 'scheduler'], ['ReviewDueFlagged', '2027-02-22', 'scheduler'],
    ]);
  });
});

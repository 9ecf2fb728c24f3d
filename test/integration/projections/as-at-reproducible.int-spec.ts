import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, ManualClock, openLedgerRuntime, type LedgerRuntime } from '@ledger/application';
import { mondayOf, type LocalDate } from '@ledger/domain';
import { loadLedgerAsAt } from '@ledger/projections';
import { buildReturn } from '@ledger/reporting';
import { generateDemoCouncil } from '../../../libs/application/src/demo';
import { recordSteps as record } from '../../support/record-steps';

describe('a return asked as at an instant', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-asat-'));
  let runtime: LedgerRuntime;
  const steps = generateDemoCouncil({ today: '2026-11-23', seed: 3 }).steps;
  const cut = '2026-03-01T00:00:00.000Z';
  const earlier = steps.filter((s) => s.recordedAt <= cut);
  const later = steps.filter((s) => s.recordedAt > cut);

  beforeAll(async () => {
    runtime = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: dataDir, AUTH_JWT_SECRET: 'x'.repeat(32) }), new ManualClock(new Date(cut)));
    await record(runtime, earlier);
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives the same answer after more events are recorded, for any instant and week', async () => {
    const cases = fc.sample(fc.record({
      asAt: fc.integer({ min: Date.parse('2025-07-01T00:00:00Z'), max: Date.parse(cut) }).map((t) => new Date(t)),
      week: fc.integer({ min: Date.parse('2025-06-02T00:00:00Z'), max: Date.parse('2026-06-01T00:00:00Z') })
        .map((t) => mondayOf(new Date(t).toISOString().slice(0, 10) as LocalDate)),
    }), { numRuns: 12, seed: 7 });
    const weekEnd = (monday: LocalDate) => new Date(Date.parse(`${monday}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10) as LocalDate;
    const answer = async (c: (typeof cases)[number]) => buildReturn('weekly', await loadLedgerAsAt(runtime.eventStore, c.asAt), c.week, weekEnd(c.week));
    const before = await Promise.all(cases.map(answer));
    expect(later.length).toBeGreaterThan(100);
    await record(runtime, later);
    const after = await Promise.all(cases.map(answer));
    expect(after).toEqual(before);
    // The later events did change the present, so the equality above is not vacuous.
    const june = '2026-06-01' as LocalDate;
    const atCut = buildReturn('weekly', await loadLedgerAsAt(runtime.eventStore, new Date(cut)), june, weekEnd(june));
    const atNow = buildReturn('weekly', await loadLedgerAsAt(runtime.eventStore, new Date('2026-11-23T18:00:00Z')), june, weekEnd(june));
    expect(atNow.total).not.toEqual(atCut.total);
  });
});

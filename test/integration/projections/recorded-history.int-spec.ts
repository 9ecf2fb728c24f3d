import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, ManualClock, openLedgerRuntime, type LedgerRuntime } from '@ledger/application';
import { budgetStreamId, isExternal, rateOn, type LocalDate } from '@ledger/domain';
import { LedgerReader, loadLedgerAsAt, rebuildReadModels, statesKnownAt, type LedgerAsAt } from '@ledger/projections';
import { generateDemoCouncil } from '../../../libs/application/src/demo';
import { createTestDatabase } from '../../support/postgres';
import { recordSteps } from '../../support/record-steps';

/** Every row over recorded time, in a fixed order. */
const historyRows = (runtime: LedgerRuntime) => runtime.database.query(
  `SELECT stream_id, part, item, body::text, valid_from::text, valid_to::text, recorded_from, recorded_to
   FROM ledger_state_parts ORDER BY stream_id, part, item, recorded_from, recorded_to NULLS LAST, body::text`);

/** A ledger's placements by stream id and budgets by year, for comparing two ways of reading it. */
const contents = (ledger: LedgerAsAt) => ({
  placements: new Map([...(ledger.streams ?? [])].sort(([a], [b]) => a.localeCompare(b))),
  budgets: new Map([...ledger.budgets].sort(([a], [b]) => a.localeCompare(b))),
});

describe.each(['embedded', 'postgres'] as const)('the ledger over recorded time, as rows, on the %s store', (kind) => {
  let runtime: LedgerRuntime;
  let cleanup: () => Promise<void>;
  const steps = generateDemoCouncil({ today: '2026-11-23', seed: 5 }).steps;
  const first = Date.parse(steps[0].recordedAt);
  const last = Date.parse(steps[steps.length - 1].recordedAt);
  const instants = fc.sample(fc.integer({ min: first - 86_400_000, max: last + 86_400_000 }), { numRuns: 14, seed: 11 })
    .concat(steps.slice(0, 40).map((s) => Date.parse(s.recordedAt)).filter((_, i) => i % 9 === 0));

  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-history-'));
    const database = kind === 'postgres' ? await createTestDatabase() : undefined;
    runtime = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: dataDir, DATABASE_URL: database?.url, AUTH_JWT_SECRET: 'x'.repeat(32) }), new ManualClock(new Date('2026-11-23T18:00:00Z')));
    cleanup = async () => {
      await runtime.close();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
    await recordSteps(runtime, steps);
  });
  afterAll(() => cleanup());

  it('holds, at every instant, exactly the states a fold of the facts recorded by then gives', async () => {
    const streamIds = [...((await loadLedgerAsAt(runtime.eventStore, new Date(last))).streams?.keys() ?? [])]
      .concat(['2025-26', '2026-27', '2027-28'].map(budgetStreamId));
    let externalSeen = 0;
    for (const at of instants) {
      const folded = contents(await loadLedgerAsAt(runtime.eventStore, new Date(at)));
      const read = await statesKnownAt(runtime.database, at, streamIds);
      expect(read).toBeDefined();
      expect(new Map([...(read?.placements ?? [])].sort(([a], [b]) => a.localeCompare(b)))).toEqual(folded.placements);
      expect(new Map([...(read?.budgets ?? [])].sort(([a], [b]) => a.localeCompare(b)))).toEqual(folded.budgets);
      externalSeen += [...folded.placements.values()].filter(isExternal).length;
    }
    // Some instants lie within the ledger's life, with placements commissioned by then.
    expect(externalSeen).toBeGreaterThan(50);
  });

  it('answers in SQL the weekly rate in force on a day as known at an instant, as the domain reads it', async () => {
    const at = first + Math.floor((last - first) * 0.7);
    const day = new Date(at - 30 * 86_400_000).toISOString().slice(0, 10) as LocalDate;
    const rows = await runtime.database.query<{ stream_id: string; rate: string }>(
      `SELECT stream_id, rate::text FROM (
         SELECT stream_id, (body->>'weeklyRatePence')::bigint AS rate, row_number() OVER (PARTITION BY stream_id ORDER BY valid_from DESC) AS latest
         FROM ledger_state_parts
         WHERE part = 'rates' AND valid_from <= $2::date AND recorded_from <= $1::timestamptz AND (recorded_to IS NULL OR recorded_to > $1::timestamptz)) AS r
       WHERE latest = 1`,
      [new Date(at).toISOString(), day]);
    const sql = new Map(rows.map((r): [string, number] => [r.stream_id, Number(r.rate)]));
    const folded = (await loadLedgerAsAt(runtime.eventStore, new Date(at))).streams ?? new Map();
    const expected = new Map([...folded].filter(([, s]) => isExternal(s) && s.startDate <= day).map(([id, s]): [string, number] => [id, isExternal(s) ? rateOn(s, day) : 0]));
    expect(expected.size).toBeGreaterThan(20);
    expect(sql).toEqual(expected);
  });

  it('lets the reader serve a past instant from the rows, equal to a fold from the log, and a rebuild makes the same rows', async () => {
    let pagesRead = 0;
    const counted = new Proxy(runtime.eventStore, {
      get: (target, key, receiver) => (key === 'readAll' ? (...args: Parameters<typeof target.readAll>) => (pagesRead++, target.readAll(...args)) : Reflect.get(target, key, receiver)),
    });
    const reader = new LedgerReader(counted, () => runtime.projections.position, runtime.database);
    await reader.at(new Date(last + 86_400_000));
    const latestFold = pagesRead;
    for (const at of instants) {
      const past = new Date(at);
      expect(contents(await reader.at(past))).toEqual(contents(await loadLedgerAsAt(runtime.eventStore, past)));
    }
    // After the latest fold, no past instant read the log: each came from the rows.
    expect(pagesRead).toBe(latestFold);
    const live = await historyRows(runtime);
    expect(live.length).toBeGreaterThan(steps.length);
    await runtime.projections.stop();
    await rebuildReadModels(runtime.eventStore, runtime.projections, { writeEvery: 300 });
    expect(await historyRows(runtime)).toEqual(live);
  });

  it('reads a past instant right when the rows lag the latest fold and when they run ahead of it', async () => {
    const later = generateDemoCouncil({ today: '2026-11-30', seed: 5 }).steps.filter((s) => Date.parse(s.recordedAt) > last);
    expect(later.length).toBeGreaterThan(5);
    await runtime.projections.stop();
    const head = await recordSteps(runtime, later, { wait: false });
    const stamps = later.map((s) => Date.parse(s.recordedAt));
    const pastInstants = instants.concat(stamps.slice(0, -1), stamps.slice(0, -1).map((t) => t - 1));
    // Behind: the rows stop before the later facts, which the reader's latest fold holds.
    const behind = new LedgerReader(runtime.eventStore, () => head as string, runtime.database);
    for (const at of pastInstants) expect(contents(await behind.at(new Date(at)))).toEqual(contents(await loadLedgerAsAt(runtime.eventStore, new Date(at))));
    // Ahead: the rows hold the later facts, which a reader whose latest fold stops before them has not seen.
    const stoppedAt = runtime.projections.position;
    await runtime.projections.start();
    expect(await runtime.projections.waitFor(head as string, 30_000)).toBe(true);
    const ahead = new LedgerReader(runtime.eventStore, () => stoppedAt, runtime.database);
    for (const at of instants.filter((t) => t < last)) expect(contents(await ahead.at(new Date(at)))).toEqual(contents(await loadLedgerAsAt(runtime.eventStore, new Date(at))));
  });
});

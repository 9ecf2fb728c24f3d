import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { envelopeFor, loadConfig, ManualClock, openLedgerRuntime, SetBudgetHandler, type LedgerRuntime } from '@ledger/application';
import type { Pence } from '@ledger/domain';
import { START } from '@ledger/event-store';
import { loadLedgerAsAt } from '@ledger/projections';

describe('the ledger as known at an instant, with the latest state kept in memory', () => {
  let runtime: LedgerRuntime;
  let setBudget: (amount: number) => Promise<unknown>;
  const clock = new ManualClock(new Date('2026-11-23T10:00:00Z'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-reader-'));

  beforeAll(async () => {
    runtime = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: dataDir, AUTH_JWT_SECRET: 'x'.repeat(32) }), clock);
    const handler = new SetBudgetHandler(runtime.eventStore, clock, runtime.config, runtime.projections);
    setBudget = (amount) => handler.execute({ command: { type: 'SetBudget', data: { financialYear: '2026-27', costCentre: 'CC-IFA', amountPence: amount as Pence, reason: 'r' } }, envelope: envelopeFor({ id: 'f', role: 'finance' }) } as never);
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const budgetNow = async (at: string) => (await runtime.ledger.at(new Date(at))).budgets.get('2026-27')?.costCentres['CC-IFA']?.amountPence;

  it('sees a write made after the latest state was cached', async () => {
    await setBudget(1_000);
    expect(await budgetNow('2026-11-23T11:00:00Z')).toBe(1_000);
    clock.set('2026-11-24T10:00:00Z');
    await setBudget(2_000);
    expect(await budgetNow('2026-11-24T11:00:00Z')).toBe(2_000);
  });

  it('still answers an earlier instant from the facts recorded by then', async () => {
    expect(await budgetNow('2026-11-23T11:00:00Z')).toBe(1_000);
    expect(await budgetNow('2026-11-22T11:00:00Z')).toBeUndefined();
    expect(await budgetNow('2026-11-25T00:00:00Z')).toBe(2_000);
  });

  it('folds once for instants before the newest fact (facts stamped ahead of the clock), until a write moves it on', async () => {
    // The newest fact is 2026-11-24T10:00Z; ask, again and again, about instants before it with no fact between them.
    const first = await runtime.ledger.at(new Date('2026-11-23T12:00:00Z'));
    const again = await runtime.ledger.at(new Date('2026-11-23T12:00:00Z'));
    const later = await runtime.ledger.at(new Date('2026-11-24T09:59:59Z'));
    expect(again.placements).toBe(first.placements);
    expect(later.budgets).toBe(first.budgets);
    expect([first.asAt, later.asAt]).toEqual(['2026-11-23T12:00:00.000Z', '2026-11-24T09:59:59.000Z']);
    expect(later.budgets.get('2026-27')?.costCentres['CC-IFA']?.amountPence).toBe(1_000);
    clock.set('2026-11-23T13:00:00Z'); // a write recorded between them: the fold must not be served stale
    await setBudget(1_500);
    expect(await budgetNow('2026-11-23T12:00:00Z')).toBe(1_000);
    expect(await budgetNow('2026-11-24T09:59:59Z')).toBe(1_500);
  });

  it('moves a fold as known at an instant on by the writes after it, rather than folding the log again', async () => {
    // The newest fact is still stamped 2026-11-24T10:00Z, ahead of the clock: every "now" lies before it.
    expect(await budgetNow('2026-11-23T12:00:00Z')).toBe(1_000); // a past instant, kept
    const readAll = jest.spyOn(runtime.eventStore, 'readAll');
    try {
      for (const [minute, amount] of [[14, 1_600], [15, 1_700], [16, 1_800]] as const) {
        clock.set(`2026-11-23T${minute}:00:00Z`);
        await setBudget(amount);
        expect(await budgetNow(`2026-11-23T${minute}:00:01Z`)).toBe(amount);
      }
      // "Now" moving on write by write replaced its own fold and left the past instant's in place.
      expect(await budgetNow('2026-11-23T12:00:00Z')).toBe(1_000);
      // Each answer read only what the write appended: the log was never read again from its start.
      expect(readAll.mock.calls.filter(([options]) => options?.from === START)).toHaveLength(0);
    } finally {
      readAll.mockRestore();
    }
    // And what it answers is what a fold of the whole log as known then says.
    const fresh = await loadLedgerAsAt(runtime.eventStore, new Date('2026-11-23T16:00:01Z'));
    expect((await runtime.ledger.at(new Date('2026-11-23T16:00:01Z'))).budgets).toEqual(fresh.budgets);
  });
});

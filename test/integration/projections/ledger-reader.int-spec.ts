import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { envelopeFor, loadConfig, ManualClock, openLedgerRuntime, SetBudgetHandler, type LedgerRuntime } from '@ledger/application';
import type { Pence } from '@ledger/domain';

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
});

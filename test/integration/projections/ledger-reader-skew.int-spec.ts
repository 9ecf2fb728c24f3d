import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { envelopeFor, loadConfig, ManualClock, openLedgerRuntime, SetBudgetHandler, type LedgerRuntime } from '@ledger/application';
import type { Pence } from '@ledger/domain';
import { loadLedgerAsAt } from '@ledger/projections';

/**
 * Writes stamped by clocks that disagree (one server ahead of another, an import), read as known at
 * instants before the newest stamp: whatever the reader keeps and moves on, it answers what a fold of
 * the whole log as known then says.
 */
describe('the ledger as known at an instant, when stamps run ahead of the clock', () => {
  let runtime: LedgerRuntime;
  let handler: SetBudgetHandler;
  const clock = new ManualClock(new Date('2026-11-23T09:00:00Z'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-reader-skew-'));
  const base = Date.parse('2026-11-23T09:00:00Z');

  beforeAll(async () => {
    runtime = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: dataDir, AUTH_JWT_SECRET: 'x'.repeat(32) }), clock);
    handler = new SetBudgetHandler(runtime.eventStore, clock, runtime.config, runtime.projections);
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const costCentres = ['CC-IFA', 'CC-RES', 'CC-DIS'];
  const step = fc.oneof(
    fc.record({ write: fc.constant(true as const), minute: fc.integer({ min: 0, max: 600 }), centre: fc.integer({ min: 0, max: 2 }), amount: fc.integer({ min: 1, max: 9_999 }) }),
    fc.record({ write: fc.constant(false as const), minute: fc.integer({ min: 0, max: 600 }) }),
  );

  it('answers every instant as a fold of the whole log would, across writes stamped in any order', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 10 }), async (steps) => {
      for (const s of steps) {
        const at = new Date(base + s.minute * 60_000);
        if (s.write) {
          clock.set(at.toISOString());
          await handler.execute({ command: { type: 'SetBudget', data: { financialYear: '2026-27', costCentre: costCentres[s.centre], amountPence: s.amount as Pence, reason: 'r' } }, envelope: envelopeFor({ id: 'f', role: 'finance' }) } as never);
        } else {
          const asAt = new Date(at.getTime() + 1);
          const kept = await runtime.ledger.at(asAt);
          const fresh = await loadLedgerAsAt(runtime.eventStore, asAt);
          expect(kept.budgets).toEqual(fresh.budgets);
        }
      }
    }), { numRuns: 12 });
  }, 120_000);
});

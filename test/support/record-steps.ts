import {
  budgetModel, envelopeFor, handleCommand, ManualClock, placementDecision, placementModel, type LedgerRuntime,
} from '@ledger/application';
import { budgetStreamId, decideBudget, placementStreamId } from '@ledger/domain';
import type { DemoStep } from '../../libs/application/src/demo';

/**
 * Records demo steps through the real command handling, each at the instant it was recorded, and
 * waits for the read models to catch up unless told not to. Answers the last position appended.
 */
export async function recordSteps(runtime: LedgerRuntime, steps: readonly DemoStep[], { wait = true } = {}): Promise<string | undefined> {
  const clock = new ManualClock(new Date(0));
  let last: string | undefined;
  for (const step of steps) {
    clock.set(step.recordedAt);
    const envelope = envelopeFor(step.actor);
    const outcome = step.streamKind === 'placement'
      ? await handleCommand(runtime.eventStore, clock, { streamId: placementStreamId(step.placementId), model: placementModel, decide: placementDecision(step.command, runtime.config), envelope, mustExist: step.command.type !== 'RequestPlacement', maxRetries: 0 })
      : await handleCommand(runtime.eventStore, clock, { streamId: budgetStreamId(step.command.data.financialYear), model: budgetModel, decide: (s) => decideBudget(step.command, s), envelope, mustExist: false, maxRetries: 0 });
    last = outcome.position ?? last;
  }
  if (wait && last !== undefined && !(await runtime.projections.waitFor(last, 30_000))) throw new Error('the read models did not catch up within 30 s');
  return last;
}

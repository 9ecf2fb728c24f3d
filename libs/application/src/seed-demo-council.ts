import { decideBudget, placementStreamId, todayIn } from '@ledger/domain';
import { START, type GlobalPosition } from '@ledger/event-store';
import { budgetModel, budgetStreamId } from './budgets/budget-model';
import { ManualClock } from './clock';
import { envelopeFor } from './command-handling/command-envelope';
import { handleCommand } from './command-handling/handle-command';
import { generateDemoCouncil } from './demo';
import { placementDecision, placementModel } from './placements/placement-model';
import type { LedgerRuntime } from './runtime';

export interface SeedOutcome {
  readonly placements: number;
  readonly appended: number;
  /** Where the last appended event sits: wait for this, not the head, to see the whole demo. */
  readonly lastPosition?: GlobalPosition;
}

/**
 * Records the demo council through the same command handling as the API, each step with the
 * clock set to when it was recorded, so every rule is enforced on the demo data too.
 */
export async function seedDemoCouncil(runtime: LedgerRuntime, today: string, seed = 2026): Promise<SeedOutcome> {
  const script = generateDemoCouncil({ today, seed });
  const clock = new ManualClock(new Date(0));
  const placements = new Set<string>();
  let appended = 0;
  let lastPosition: GlobalPosition | undefined;
  for (const step of script.steps) {
    clock.set(step.recordedAt);
    const envelope = envelopeFor(step.actor);
    try {
      if (step.streamKind === 'placement') {
        placements.add(step.placementId);
        const outcome = await handleCommand(runtime.eventStore, clock, {
          streamId: placementStreamId(step.placementId), model: placementModel,
          decide: placementDecision(step.command, runtime.config), envelope,
          mustExist: step.command.type !== 'RequestPlacement', maxRetries: 0,
        });
        appended += outcome.events.length;
        lastPosition = outcome.position ?? lastPosition;
      } else {
        const outcome = await handleCommand(runtime.eventStore, clock, {
          streamId: budgetStreamId(step.command.data.financialYear), model: budgetModel,
          decide: (state) => decideBudget(step.command, state), envelope, mustExist: false, maxRetries: 0,
        });
        appended += outcome.events.length;
        lastPosition = outcome.position ?? lastPosition;
      }
    } catch (error) {
      const what = step.streamKind === 'placement' ? `${step.command.type} on placement ${step.placementId}` : step.command.type;
      throw new Error(`Demo step ${what} at ${step.recordedAt} was refused: ${(error as Error).message}`, { cause: error });
    }
  }
  return { placements: placements.size, appended, lastPosition };
}

/** Seeds only an empty store, so restarting never duplicates the demo. */
export async function seedDemoCouncilIfEmpty(runtime: LedgerRuntime): Promise<SeedOutcome> {
  if ((await runtime.eventStore.headPosition()) !== START) return { placements: 0, appended: 0 };
  const outcome = await seedDemoCouncil(runtime, todayIn(runtime.clock.now(), runtime.config.timeZone));
  if (outcome.lastPosition !== undefined) await runtime.projections.waitFor(outcome.lastPosition, 60_000);
  return outcome;
}

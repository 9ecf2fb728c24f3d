import { decideBudget, placementStreamId, todayIn } from '@ledger/domain';
import { START, type EventStore, type GlobalPosition } from '@ledger/event-store';
import { budgetModel, budgetStreamId } from './budgets/budget-model';
import { ManualClock } from './clock';
import type { CommandEnvelope } from './command-handling/command-envelope';
import { handleCommand } from './command-handling/handle-command';
import { generateDemoCouncil, type DemoScript, type DemoStep } from './demo';
import { demoEventId, demoSeedMarkOf, nameBasedUuid, type DemoSeedMark } from './demo/demo-ids';
import { runPlacementCommand } from './placements/placement-model';
import type { LedgerRuntime } from './runtime';

/** Told, every {@link PROGRESS_EVERY} steps, how many of the script's steps are recorded. */
export type SeedProgress = (recordedSteps: number, steps: number) => void;
const PROGRESS_EVERY = 250;

export interface SeedOutcome {
  /** Placement requests recorded by this run. */
  readonly placements: number;
  readonly appended: number;
  /** Steps of the script found already recorded (by an earlier run that stopped part-way) and skipped. */
  readonly alreadyRecorded: number;
  readonly steps: number;
  /** Where the last appended event sits: wait for this, not the head, to see the whole demo. */
  readonly lastPosition?: GlobalPosition;
}

/**
 * Records the demo council through the same command handling as the API, each step with the
 * clock set to when it was recorded, so every rule is enforced on the demo data too.
 *
 * Resumable: each step's events get ids derived from the seed, the day and the step, and carry
 * the mark `demoSeed` in their metadata, so a run after a crash part-way appends only the steps
 * that are missing. Steps are recorded one after another, each in one atomic append, so what a
 * crashed run left is always a prefix of the script.
 */
export async function seedDemoCouncil(runtime: LedgerRuntime, today: string, seed = 2026, progress?: SeedProgress): Promise<SeedOutcome> {
  const script = generateDemoCouncil({ today, seed });
  const recorded = await recordedSteps(runtime.eventStore, script, seed, today);
  const clock = new ManualClock(new Date(0));
  const placements = new Set<string>();
  let appended = 0;
  let lastPosition: GlobalPosition | undefined;
  for (const [index, step] of script.steps.entries()) {
    if (recorded.has(index)) continue;
    clock.set(step.recordedAt);
    const envelope = demoEnvelope(step, { seed, today, step: index });
    try {
      const outcome = step.streamKind === 'placement'
        ? await runPlacementCommand(runtime.eventStore, clock, runtime.config, { placementId: step.placementId, command: step.command, envelope, maxRetries: 0 })
        : await handleCommand(runtime.eventStore, clock, {
          streamId: budgetStreamId(step.command.data.financialYear), model: budgetModel,
          decide: (state) => decideBudget(step.command, state), envelope, mustExist: false, maxRetries: 0,
        });
      if (step.streamKind === 'placement' && step.command.type === 'RequestPlacement') placements.add(step.placementId);
      appended += outcome.events.length;
      lastPosition = outcome.position ?? lastPosition;
      if ((index + 1) % PROGRESS_EVERY === 0) progress?.(index + 1, script.steps.length);
    } catch (error) {
      const what = step.streamKind === 'placement' ? `${step.command.type} on placement ${step.placementId}` : step.command.type;
      throw new Error(`Demo step ${what} at ${step.recordedAt} was refused: ${(error as Error).message}`, { cause: error });
    }
  }
  return { placements: placements.size, appended, alreadyRecorded: recorded.size, steps: script.steps.length, lastPosition };
}

/** What starting on a store with `LEDGER_SEED_DEMO` did. */
export type DemoSeeding =
  | { readonly kind: 'seeded' | 'resumed' | 'complete'; readonly outcome: SeedOutcome }
  | { readonly kind: 'not-demo' };

/**
 * Seeds an empty store; finishes a demo seed that stopped part-way (with the day and seed it began
 * with, read from its first event); leaves every other store alone. Restarting never duplicates.
 */
export async function seedOrResumeDemoCouncil(runtime: LedgerRuntime, progress?: SeedProgress): Promise<DemoSeeding> {
  let mark: DemoSeedMark | undefined;
  if ((await runtime.eventStore.headPosition()) !== START) {
    const [first] = await runtime.eventStore.readAll({ limit: 1 });
    mark = first === undefined ? undefined : demoSeedMarkOf(first.metadata);
    if (mark === undefined) return { kind: 'not-demo' };
  }
  const outcome = mark === undefined
    ? await seedDemoCouncil(runtime, todayIn(runtime.clock.now(), runtime.config.timeZone), undefined, progress)
    : await seedDemoCouncil(runtime, mark.today, mark.seed, progress);
  if (outcome.lastPosition !== undefined) await runtime.projections.waitFor(outcome.lastPosition, 60_000);
  return { kind: mark === undefined ? 'seeded' : outcome.appended > 0 ? 'resumed' : 'complete', outcome };
}

/** One line for the start-up banner and the CLI. */
export function describeDemoSeeding(seeding: DemoSeeding): string {
  switch (seeding.kind) {
    case 'seeded':
      return `Demo council seeded: ${seeding.outcome.placements} placement requests, ${seeding.outcome.appended} events.`;
    case 'resumed':
      return `Demo council seeding resumed: ${seeding.outcome.appended} missing events appended; `
        + `${seeding.outcome.alreadyRecorded} of ${seeding.outcome.steps} steps were already recorded.`;
    case 'complete':
      return 'The store already holds the demo council: nothing seeded again.';
    case 'not-demo':
      return 'The store already had events of its own: the demo council was not seeded.';
  }
}

function demoEnvelope(step: DemoStep, mark: DemoSeedMark): CommandEnvelope {
  const id = nameBasedUuid(`${mark.seed}/${mark.today}/${mark.step}`);
  return {
    actor: step.actor, correlationId: id, causationId: id,
    eventIdFor: (index) => demoEventId(mark, index),
    extraMetadata: { demoSeed: mark },
  };
}

/**
 * The steps of this demo already in the store. Looks at the last step's stream first (when it is
 * there, every step is); otherwise reads the log for the demo's marks.
 */
async function recordedSteps(store: EventStore, script: DemoScript, seed: number, today: string): Promise<Set<number>> {
  const last = script.steps.length - 1;
  const ours = (metadata: Readonly<Record<string, unknown>>) => {
    const mark = demoSeedMarkOf(metadata);
    return mark !== undefined && mark.seed === seed && mark.today === today ? mark : undefined;
  };
  if (last < 0) return new Set();
  const { events } = await store.readStream(streamOf(script.steps[last]));
  if (events.some((event) => ours(event.metadata)?.step === last)) return new Set(script.steps.keys());
  const steps = new Set<number>();
  for (let from = START; ;) {
    const page = await store.readAll({ from, limit: 1000 });
    if (page.length === 0) return steps;
    for (const event of page) {
      const mark = ours(event.metadata);
      if (mark !== undefined) steps.add(mark.step);
    }
    from = page[page.length - 1].position;
  }
}

function streamOf(step: DemoStep): string {
  return step.streamKind === 'placement' ? placementStreamId(step.placementId) : budgetStreamId(step.command.data.financialYear);
}

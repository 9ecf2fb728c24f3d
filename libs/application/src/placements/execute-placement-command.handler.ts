import { Inject, Optional } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PlacementCommand, PlacementState } from '@ledger/domain';
import type { EventStore, GlobalPosition } from '@ledger/event-store';
import type { LedgerReader } from '@ledger/projections';
import type { Clock } from '../clock';
import type { CommandEnvelope } from '../command-handling/command-envelope';
import type { ReadModelProgress } from '../command-handling/read-your-writes';
import type { LedgerConfig } from '../config/ledger-config';
import { CLOCK, EVENT_STORE, LEDGER_CONFIG, LEDGER_READER, PROJECTIONS } from '../tokens';
import { runPlacementCommand } from './placement-model';
import { budgetWarningOf, previewPlacementCommand } from './preview-placement-command';

export interface PlacementCommandResult {
  readonly placementId: string;
  readonly revision: number;
  readonly appended: readonly string[];
  readonly state: PlacementState;
  readonly position?: GlobalPosition;
}

export class ExecutePlacementCommand extends Command<PlacementCommandResult> {
  constructor(
    readonly placementId: string,
    readonly command: PlacementCommand,
    readonly envelope: CommandEnvelope,
    readonly options: { readonly ifMatch?: number; readonly maxRetries?: number } = {},
  ) {
    super();
  }
}

/**
 * Every placement command, from the API, the worker and the CLI alike. HTTP callers get no
 * retry on a conflict (the loser sees 409, as docs/api.md says); the scheduler's idempotent flags do.
 */
@CommandHandler(ExecutePlacementCommand)
export class ExecutePlacementCommandHandler implements ICommandHandler<ExecutePlacementCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(PROJECTIONS) private readonly projections: ReadModelProgress,
    @Optional() @Inject(LEDGER_READER) private readonly reader?: LedgerReader,
  ) {}

  async execute({ placementId, command, envelope, options }: ExecutePlacementCommand): Promise<PlacementCommandResult> {
    const outcome = await runPlacementCommand(this.store, this.clock, this.config, {
      placementId, command: await this.stamped(placementId, command), envelope, ifMatch: options.ifMatch, maxRetries: options.maxRetries ?? 0,
    });
    if (outcome.position !== undefined) {
      await this.projections.waitFor(outcome.position, this.config.readYourWritesTimeoutMs);
    }
    return {
      placementId,
      revision: outcome.revision,
      appended: outcome.events.map((event) => event.type),
      state: outcome.state,
      position: outcome.position,
    };
  }

  /**
   * A commission the forecast says leaves its cost centre red goes ahead (the child still needs a
   * placement) with the warning the commissioner was shown stamped on its event. A preview that
   * cannot be made (the command will be refused) stamps nothing and lets the decider say why.
   */
  private async stamped(placementId: string, command: PlacementCommand): Promise<PlacementCommand> {
    if (command.type !== 'CommissionPlacement' || this.reader === undefined) return command;
    const { budgetWarning: _fromCaller, ...data } = command.data;
    const preview = await previewPlacementCommand(this.reader, this.config, this.clock.now(), placementId, { type: command.type, data }).catch(() => undefined);
    const budgetWarning = preview === undefined ? undefined : budgetWarningOf(preview);
    return { type: command.type, data: budgetWarning === undefined ? data : { ...data, budgetWarning } };
  }
}

import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideBudget, type BudgetCommand, type BudgetState } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import type { Clock } from '../clock';
import { handleCommand } from '../command-handling/handle-command';
import type { CommandEnvelope } from '../command-handling/command-envelope';
import type { ReadModelProgress } from '../command-handling/read-your-writes';
import type { LedgerConfig } from '../config/ledger-config';
import { CLOCK, EVENT_STORE, LEDGER_CONFIG, PROJECTIONS } from '../tokens';
import { budgetModel, budgetStreamId } from './budget-model';

export interface SetBudgetResult {
  readonly financialYear: string;
  readonly revision: number;
  readonly appended: readonly string[];
  readonly state: BudgetState;
}

export class SetBudget extends Command<SetBudgetResult> {
  constructor(readonly command: BudgetCommand, readonly envelope: CommandEnvelope) {
    super();
  }
}

/** Budget streams are shared by every cost centre of a year, so a conflict is re-decided (bounded). */
@CommandHandler(SetBudget)
export class SetBudgetHandler implements ICommandHandler<SetBudget> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(PROJECTIONS) private readonly projections: ReadModelProgress,
  ) {}

  async execute({ command, envelope }: SetBudget): Promise<SetBudgetResult> {
    const financialYear = command.data.financialYear;
    const outcome = await handleCommand(this.store, this.clock, {
      streamId: budgetStreamId(financialYear),
      model: budgetModel,
      decide: (state) => decideBudget(command, state),
      envelope,
      mustExist: false,
      maxRetries: 3,
    });
    if (outcome.position !== undefined) {
      await this.projections.waitFor(outcome.position, this.config.readYourWritesTimeoutMs);
    }
    return { financialYear, revision: outcome.revision, appended: outcome.events.map((e) => e.type), state: outcome.state };
  }
}

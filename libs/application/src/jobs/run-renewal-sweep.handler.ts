import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LEDGER_RUNTIME } from '../tokens';
import type { LedgerRuntime } from '../runtime';
import { runRenewalSweep, type SweepOutcome } from './renewal-sweep';

export class RunRenewalSweep extends Command<SweepOutcome> {
  constructor(readonly correlationId?: string) {
    super();
  }
}

/** The one handler behind the API's "run now" and the scheduled job alike. */
@CommandHandler(RunRenewalSweep)
export class RunRenewalSweepHandler implements ICommandHandler<RunRenewalSweep> {
  constructor(@Inject(LEDGER_RUNTIME) private readonly runtime: LedgerRuntime) {}

  execute({ correlationId }: RunRenewalSweep): Promise<SweepOutcome> {
    return runRenewalSweep(this.runtime, correlationId);
  }
}

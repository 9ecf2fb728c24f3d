import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { LEDGER_RUNTIME } from '../tokens';
import type { LedgerRuntime } from '../runtime';
import { issueWeeklyReport, weekJustEnded, type IssueOutcome } from './issue-weekly-report';

/** Issues the report for the week just ended (once; a repeat answers with the one issued). */
export class IssueWeeklyReport extends Command<IssueOutcome> {}

@CommandHandler(IssueWeeklyReport)
export class IssueWeeklyReportHandler implements ICommandHandler<IssueWeeklyReport> {
  constructor(@Inject(LEDGER_RUNTIME) private readonly runtime: LedgerRuntime) {}

  execute(): Promise<IssueOutcome> {
    return issueWeeklyReport(this.runtime, weekJustEnded(this.runtime), randomUUID());
  }
}

import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RunRenewalSweep, type SweepOutcome } from '@ledger/application';
import { IssueWeeklyReport, type IssueOutcome } from '@ledger/reporting';
import { Roles } from '../auth/auth.decorators';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('api/jobs')
export class JobsController {
  constructor(private readonly commands: CommandBus) {}

  /** Runs the renewal sweep now, as of today; running it again flags nothing twice. */
  @Post('renewal-sweep')
  @HttpCode(200)
  @Roles('admin', 'scheduler')
  renewalSweep(): Promise<SweepOutcome> {
    return this.commands.execute(new RunRenewalSweep());
  }

  /** Issues the weekly report for the week just ended and keeps it; a repeat answers with the one issued. */
  @Post('weekly-report')
  @HttpCode(200)
  @Roles('admin', 'scheduler')
  weeklyReport(): Promise<IssueOutcome> {
    return this.commands.execute(new IssueWeeklyReport());
  }
}

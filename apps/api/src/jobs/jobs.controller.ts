import { Controller, Get, HttpCode, Inject, Optional, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  JOB_SCHEDULER, RunRenewalSweep, type JobScheduler, type JobsOverview, type SweepOutcome, IssueWeeklyReport,
  type IssueOutcome,
} from '@ledger/application';
import { Roles } from '../auth/auth.decorators';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('api/jobs')
export class JobsController {
  constructor(private readonly commands: CommandBus, @Optional() @Inject(JOB_SCHEDULER) private readonly scheduler?: JobScheduler) {}

  /** The admin's view of the jobs: schedules and next runs, and on BullMQ the queue's counts and failed jobs. */
  @Get()
  @Roles('admin')
  overview(): Promise<JobsOverview> | { mode: 'none'; detail: string } {
    return this.scheduler?.overview() ?? { mode: 'none', detail: 'This process runs no scheduled jobs (LEDGER_JOBS_IN_API=false, or a test)' };
  }

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

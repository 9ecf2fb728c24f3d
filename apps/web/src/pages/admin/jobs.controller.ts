import { Controller, Get, Inject, Optional, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { JOB_SCHEDULER, ListPlacements, RunRenewalSweep, type JobScheduler, type SweepOutcome } from '@ledger/application';
import type { PlacementSummary } from '@ledger/projections';
import { PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { longDate } from '../../rendering/format';
import { PageRenderer } from '../../rendering/page-renderer';

const JOB_NAMES: Record<string, string> = { 'renewal-sweep': 'Renewal sweep (four-week reviews due and overdue)', 'weekly-report': 'Weekly report to senior managers' };

/** The sweep's outcome in a sentence or two, for the success banner. */
export function sweepSummary(outcome: SweepOutcome, placements: readonly PlacementSummary[]): string {
  const childOf = new Map(placements.map((p) => [p.placementId, p.childRef]));
  const checked = `Checked ${outcome.placementsChecked} active ${outcome.placementsChecked === 1 ? 'placement' : 'placements'} as of ${longDate(outcome.asOf)}.`;
  if (outcome.flagged.length === 0) return `${checked} Nothing new to flag: every review due or overdue had been flagged already.`;
  const flags = outcome.flagged.map((f) => `${childOf.get(f.placementId) ?? f.placementId}: review ${f.flag === 'ReviewDueFlagged' ? 'due, term ends' : 'overdue, term ended'} ${longDate(f.termEnd)}`);
  const { sent, failed } = outcome.notifications;
  return `${checked} Flagged ${flags.join('; ')}. Notifications sent: ${sent}${failed > 0 ? `, failed: ${failed}` : ''}.`;
}

/** The admins' view of the scheduled jobs, and the renewal sweep on demand: the same handler the API and the schedule run. */
@WebPages()
@Controller('jobs')
export class JobsPagesController {
  constructor(
    private readonly pages: PageRenderer, private readonly commands: CommandBus, private readonly queries: QueryBus,
    @Optional() @Inject(JOB_SCHEDULER) private readonly scheduler?: JobScheduler,
  ) {}

  @Get()
  @PageRoles('admin')
  async show(@Req() req: WebRequest, @Res() res: Response) {
    const overview = await this.scheduler?.overview();
    const schedules = overview?.schedules.map((s) => ({ ...s, name: JOB_NAMES[s.job] ?? s.job }));
    this.pages.render(req, res, 'admin/jobs.njk', { overview, schedules, counts: Object.entries(overview?.counts ?? {}) });
  }

  @Post('renewal-sweep')
  @PageRoles('admin')
  async runSweep(@Req() req: WebRequest, @Res() res: Response) {
    const outcome = await this.commands.execute(new RunRenewalSweep(randomUUID()));
    const placements = outcome.flagged.length === 0 ? [] : await this.queries.execute(new ListPlacements({}));
    req.session.flash = { heading: outcome.flagged.length === 0 ? 'Renewal sweep run: nothing new flagged' : `Renewal sweep run: ${outcome.flagged.length} flagged`, body: sweepSummary(outcome, placements) };
    res.redirect(303, '/jobs');
  }
}

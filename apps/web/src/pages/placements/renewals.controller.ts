import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { CLOCK, LEDGER_CONFIG, type Clock, type LedgerConfig, GetRenewals } from '@ledger/application';
import { addDays, todayIn, type LocalDate } from '@ledger/domain';
import { PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { PageRenderer } from '../../rendering/page-renderer';

/** Four-week reviews due in the next days and those overdue: what the commissioners work from each morning. */
@WebPages()
@Controller('renewals')
export class RenewalsController {
  constructor(
    private readonly pages: PageRenderer, private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Get()
  @PageRoles('commissioner', 'manager')
  async show(@Req() req: WebRequest, @Res() res: Response) {
    const now = this.clock.now();
    const renewals = await this.queries.execute(new GetRenewals(todayIn(now, this.config.timeZone), this.config.reviewDueWithinDays, now));
    const withLastDay = <T extends { termEnd: LocalDate }>(flag: T) => ({ ...flag, lastDay: addDays(flag.termEnd, -1) });
    this.pages.render(req, res, 'placements/renewals.njk', {
      pageTitle: 'Reviews due and overdue', asOf: renewals.asOf, within: renewals.within,
      due: renewals.reviewsDue.map(withLastDay), overdue: renewals.reviewsOverdue.map(withLastDay),
      canReview: req.webRole === 'commissioner',
    });
  }
}

import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CLOCK, LEDGER_CONFIG, ROLES, type Clock, type LedgerConfig, GetForecast, GetRenewals } from '@ledger/application';
import { financialYearOf, todayIn } from '@ledger/domain';
import type { Response } from 'express';
import { PageRenderer } from '../rendering/page-renderer';
import { navigationFor } from '../rendering/navigation';
import { CurrentUser, PageRoles, WebPages, type WebRequest } from '../auth/pages.decorator';
import type { WebUser } from '../auth/web-user';

const WHAT_EACH_PAGE_IS_FOR: Record<string, string> = {
  '/placements': 'Find a placement, raise a request, record searches, commissions, reviews and ends.',
  '/renewals': 'Four-week reviews due in the next 7 days and overdue.',
  '/finance': 'Budget, spend to date and projected outturn on each basis, by cost centre.',
  '/returns/weekly': 'Weekly, monthly and quarterly returns, as known at any time, with CSV and XLSX.',
  '/budgets': 'Set and adjust the external placements budget, with the reason for each change.',
  '/compliance': 'In-house first: searches, emergency ratification, reviews on time, quality and distance.',
  '/opportunities': 'Placements that could step down in-house, and needs that suggest a health or education share.',
  '/sufficiency': 'Demand and how it was met, and what more in-house places would have saved.',
  '/reports': 'The weekly senior-manager report as issued each Monday, with PDF and XLSX.',
  '/jobs': 'Schedules, next runs and failed jobs; run the renewal sweep now.',
  '/notifications': 'Reviews due on placements you commissioned, and early warnings of the budget.',
};

@WebPages()
@Controller()
export class HomeController {
  constructor(
    private readonly pages: PageRenderer, private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  /**
   * The signed-in user's start page: the day's state of the ledger as their role sees it (reviews to record;
   * the year's budget against the prudent outturn), then what they can do here. The same queries as the API.
   */
  @Get()
  @PageRoles(...ROLES)
  async home(@Req() req: WebRequest, @Res() res: Response, @CurrentUser() user: WebUser) {
    const tasks = navigationFor(user.roles, '/').map((item) => ({ ...item, description: WHAT_EACH_PAGE_IS_FOR[item.href] ?? '' }));
    const now = this.clock.now();
    const today = todayIn(now, this.config.timeZone);
    const seesReviews = user.roles.some((role) => role === 'commissioner' || role === 'manager');
    const seesBudget = user.roles.some((role) => role === 'finance' || role === 'manager');
    const [renewals, forecast] = await Promise.all([
      seesReviews ? this.queries.execute(new GetRenewals(today, this.config.reviewDueWithinDays, now)) : undefined,
      seesBudget ? this.queries.execute(new GetForecast(financialYearOf(today), today, now)) : undefined,
    ]);
    this.pages.render(req, res, 'pages/home.njk', {
      pageTitle: 'Home', tasks, today, renewals, year: forecast?.financialYear, prudent: forecast?.scenarios.continuing,
    });
  }
}

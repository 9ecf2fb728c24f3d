import { Controller, Get, Req, Res } from '@nestjs/common';
import { ROLES } from '@ledger/application';
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
  '/reports': 'The weekly senior-manager report as issued each Monday, with PDF and XLSX.',
  '/jobs': 'Schedules, next runs and failed jobs; run the renewal sweep now.',
  '/notifications': 'Reviews due on placements you commissioned.',
};

@WebPages()
@Controller()
export class HomeController {
  constructor(private readonly pages: PageRenderer) {}

  /** The signed-in user's start page: what they can do here, by role. */
  @Get()
  @PageRoles(...ROLES)
  home(@Req() req: WebRequest, @Res() res: Response, @CurrentUser() user: WebUser) {
    const tasks = navigationFor(user.roles, '/').map((item) => ({ ...item, description: WHAT_EACH_PAGE_IS_FOR[item.href] ?? '' }));
    this.pages.render(req, res, 'pages/home.njk', { pageTitle: 'Home', tasks });
  }
}

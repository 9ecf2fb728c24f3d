import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { addDays, financialYearOf, financialYearRange, minDate } from '@ledger/domain';
import { GetCompliance } from '@ledger/application';
import { PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { READER_ROLES } from '../../auth/web-user';
import { PageClock } from '../../rendering/page-clock';
import { PageRenderer } from '../../rendering/page-renderer';
import { FinanceQuery } from './finance-query';

/** In-house-first compliance for a date range (the financial year to date by default): GET /api/compliance/in-house-first's query. */
@WebPages()
@Controller('compliance')
export class CompliancePageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly queries: QueryBus,
    private readonly time: PageClock,
  ) {}

  @Get()
  @PageRoles(...READER_ROLES)
  async show(@Req() req: WebRequest, @Res() res: Response) {
    const query = new FinanceQuery(req.query, this.time);
    const today = query.today;
    const year = financialYearRange(financialYearOf(today));
    const from = query.date('from', 'The start date', year.start);
    // `to` is exclusive, as in the API: the year to date takes in today.
    const to = query.date('to', 'The end date', minDate(addDays(today, 1), year.end));
    if (!query.failed && from > to) query.fail('from', 'The start date must be on or before the end date');
    if (query.failed) {
      this.pages.render(req, res, 'finance/compliance.njk', { values: query.values, errors: query.errors(['from', 'to']) }, 400);
      return;
    }
    const report = await this.queries.execute(new GetCompliance(from, to, today, query.now));
    this.pages.render(req, res, 'finance/compliance.njk', { values: query.values, report, lastDay: addDays(to, -1) });
  }
}

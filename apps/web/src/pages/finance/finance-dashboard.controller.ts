import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { financialYearOf, financialYearStarting } from '@ledger/domain';
import { GetForecast, GetWeeklyReport } from '@ledger/application';
import { SCENARIOS } from '@ledger/reporting';
import { PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { READER_ROLES } from '../../auth/web-user';
import { PageClock } from '../../rendering/page-clock';
import { PageRenderer } from '../../rendering/page-renderer';
import { FinanceQuery } from './finance-query';
import { chartWeek, spendChart } from './spend-chart';

const BASES = {
  committed: 'Each placement runs to its current term end (or its recorded end, if earlier); nothing new.',
  continuing: 'Each placement runs to the year end unless an end is recorded; nothing new. The usual prudent basis.',
  trend: 'Extensions, durations and new commissions at the rates the ledger’s own history shows.',
};

/**
 * Budget, spend to date and projected outturn on each basis, by cost centre: GET /api/forecast's query.
 * The chart is the weekly senior-manager report's, for the last whole week.
 */
@WebPages()
@Controller('finance')
export class FinanceDashboardController {
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
    const year = query.financialYear('financialYear', financialYearOf(today));
    const asAt = query.instant('asAt', 'The time the forecast is as known at', query.now);
    const start = Number(financialYearOf(today).slice(0, 4));
    const years = [-2, -1, 0, 1].map((k) => financialYearStarting(start + k))
      .map((y) => ({ value: y, text: y, selected: y === query.values.financialYear }));
    if (query.failed) {
      this.pages.render(req, res, 'finance/dashboard.njk', { values: query.values, years, errors: query.errors(['asAt']) }, 400);
      return;
    }
    const [forecast, report] = await Promise.all([
      this.queries.execute(new GetForecast(year, today, asAt.at)),
      this.queries.execute(new GetWeeklyReport(chartWeek(year, today), asAt.at)),
    ]);
    const costCentres = Object.keys(forecast.scenarios.continuing.costCentres).sort();
    this.pages.render(req, res, 'finance/dashboard.njk', {
      values: query.values, years, forecast, scenarios: SCENARIOS, bases: BASES, costCentres,
      chart: spendChart(report.chart), chartWeek: report.weekCommencing, asAtChosen: asAt.chosen,
    });
  }
}

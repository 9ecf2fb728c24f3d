import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { financialYearOf, financialYearRange, financialYearStarting } from '@ledger/domain';
import { GetForecastBacktest } from '@ledger/application';
import { BACKTEST_BASES } from '@ledger/reporting';
import { PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { PageClock } from '../../rendering/page-clock';
import { PageRenderer } from '../../rendering/page-renderer';
import { backtestChart } from './backtest-chart';
import { FinanceQuery } from './finance-query';

/** The forecast back-tested on a completed year: GET /api/forecast/backtest's query, with its chart. */
@WebPages()
@Controller('forecast/backtest')
export class BacktestPageController {
  constructor(private readonly pages: PageRenderer, private readonly queries: QueryBus, private readonly time: PageClock) {}

  @Get()
  @PageRoles('finance', 'manager')
  async show(@Req() req: WebRequest, @Res() res: Response) {
    const query = new FinanceQuery(req.query, this.time);
    const currentStart = Number(financialYearOf(query.today).slice(0, 4));
    const previous = financialYearStarting(currentStart - 1);
    const year = query.financialYear('financialYear', previous);
    if (!query.failed && financialYearRange(year).end > query.today) query.fail('financialYear', `${year} has not ended yet: choose a completed year, like ${previous}`);
    const years = [-3, -2, -1].map((k) => financialYearStarting(currentStart + k)).map((y) => ({ value: y, text: y, selected: y === year }));
    if (query.failed) {
      this.pages.render(req, res, 'finance/backtest.njk', { values: query.values, years, errors: query.errors([]) }, 400);
      return;
    }
    const backtest = await this.queries.execute(new GetForecastBacktest(year, query.now));
    this.pages.render(req, res, 'finance/backtest.njk', { values: query.values, years, backtest, bases: BACKTEST_BASES, chart: backtestChart(backtest) });
  }
}

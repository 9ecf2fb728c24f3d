import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { financialYearOf } from '@ledger/domain';
import { GetForecastMovement } from '@ledger/application';
import { CAUSES, type Cause, type ScenarioName } from '@ledger/reporting';
import { PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { READER_ROLES } from '../../auth/web-user';
import { PageClock } from '../../rendering/page-clock';
import { PageRenderer } from '../../rendering/page-renderer';
import { FinanceQuery } from './finance-query';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export const CAUSE_WORDS: Readonly<Record<Cause, string>> = {
  newCommissions: 'New commissions',
  ends: 'Ends',
  extensions: 'Extensions',
  rateChanges: 'Rate changes',
  jointFunding: 'Joint funding',
  backdatedCorrections: 'Backdated corrections (changes dated before the day they were recorded)',
};

/** The change in projected outturn between two instants, by cause: GET /api/forecast/movement's query. */
@WebPages()
@Controller('forecast/movement')
export class ForecastMovementController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly queries: QueryBus,
    private readonly time: PageClock,
  ) {}

  @Get()
  @PageRoles(...READER_ROLES)
  async show(@Req() req: WebRequest, @Res() res: Response) {
    const query = new FinanceQuery(req.query, this.time);
    const year = query.financialYear('financialYear', financialYearOf(query.today));
    const from = query.instant('from', 'The start of the comparison', new Date(query.now.getTime() - WEEK_MS), { showDefault: true }).at;
    const to = query.instant('to', 'The end of the comparison', query.now, { showDefault: true }).at;
    const typedScenario = query.raw('scenario');
    const scenario: ScenarioName = typedScenario === 'committed' ? 'committed' : 'continuing';
    if (typedScenario !== '' && typedScenario !== 'committed' && typedScenario !== 'continuing') query.fail('scenario', 'Choose the continuing or the committed basis');
    if (!query.failed && from > to) query.fail('from', 'The start of the comparison must be before its end');
    const context = { values: query.values, scenario };
    if (query.failed) {
      this.pages.render(req, res, 'finance/forecast-movement.njk', { ...context, errors: query.errors(['from', 'to']) }, 400);
      return;
    }
    const movement = await this.queries.execute(new GetForecastMovement(year, query.today, from, to, scenario));
    const causes = CAUSES.map((cause) => ({ cause, text: CAUSE_WORDS[cause], deltaPence: movement.byCause[cause] }));
    const items = movement.items.map((item) => ({ ...item, causeText: CAUSE_WORDS[item.cause] }));
    this.pages.render(req, res, 'finance/forecast-movement.njk', { ...context, movement, causes, items });
  }
}

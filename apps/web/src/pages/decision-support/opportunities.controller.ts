import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { GetJointFundingOpportunities, GetStepDownOpportunities } from '@ledger/application';
import { financialYearOf, type FinancialYear, type LocalDate } from '@ledger/domain';
import { jointFundingToCsv, stepDownToCsv } from '@ledger/reporting';
import { PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { PageClock } from '../../rendering/page-clock';
import { PageRenderer } from '../../rendering/page-renderer';
import { FinanceQuery, queryString } from '../finance/finance-query';

/** Rows of each list the page shows; the CSV holds them all. */
export const PAGE_ROWS = 100;

const UNREADABLE = 'The as-of date, as-known-at time or financial year could not be read';

interface Choice { readonly asOf: LocalDate; readonly year: FinancialYear; readonly asAt: Date }

/**
 * Step-down and joint-funding opportunities as of a date: GET /api/opportunities/*'s queries, with CSV
 * downloads of exactly what the page shows (pinned to its as-of date and "as known at").
 */
@WebPages()
@Controller('opportunities')
export class OpportunitiesPageController {
  constructor(private readonly pages: PageRenderer, private readonly queries: QueryBus, private readonly time: PageClock) {}

  @Get()
  @PageRoles('commissioner', 'finance')
  async show(@Req() req: WebRequest, @Res() res: Response) {
    const { query, choice } = this.choiceFrom(req);
    if (choice === undefined) {
      this.pages.render(req, res, 'decision-support/opportunities.njk', { values: query.values, yearTyped: query.raw('financialYear'), errors: query.errors(['asOf']) }, 400);
      return;
    }
    const [stepDown, jointFunding] = await Promise.all([
      this.queries.execute(new GetStepDownOpportunities(choice.asOf, choice.asAt)),
      this.queries.execute(new GetJointFundingOpportunities(choice.asOf, choice.year, choice.asAt)),
    ]);
    const pinned = { asOf: choice.asOf, asAt: stepDown.asAt, financialYear: choice.year };
    this.pages.render(req, res, 'decision-support/opportunities.njk', {
      values: query.values, yearTyped: query.raw('financialYear'), stepDown, jointFunding,
      stepDownRows: stepDown.opportunities.slice(0, PAGE_ROWS), jointFundingRows: jointFunding.opportunities.slice(0, PAGE_ROWS),
      links: { stepDownCsv: `/opportunities/step-down.csv${queryString(pinned)}`, jointFundingCsv: `/opportunities/joint-funding.csv${queryString(pinned)}` },
    });
  }

  @Get('step-down.csv')
  @PageRoles('commissioner', 'finance')
  async stepDownCsv(@Req() req: WebRequest, @Res() res: Response) {
    const { choice } = this.choiceFrom(req);
    if (choice === undefined) {
      res.status(400).type('text/plain').send(UNREADABLE);
      return;
    }
    const list = await this.queries.execute(new GetStepDownOpportunities(choice.asOf, choice.asAt));
    res.type('text/csv').attachment(`step-down-opportunities-${choice.asOf}.csv`).send(stepDownToCsv(list));
  }

  @Get('joint-funding.csv')
  @PageRoles('commissioner', 'finance')
  async jointFundingCsv(@Req() req: WebRequest, @Res() res: Response) {
    const { choice } = this.choiceFrom(req);
    if (choice === undefined) {
      res.status(400).type('text/plain').send(UNREADABLE);
      return;
    }
    const list = await this.queries.execute(new GetJointFundingOpportunities(choice.asOf, choice.year, choice.asAt));
    res.type('text/csv').attachment(`joint-funding-opportunities-${choice.year}-${choice.asOf}.csv`).send(jointFundingToCsv(list));
  }

  /** The as-of date (default today), its financial year unless another is named, and the "as known at" (default now). */
  private choiceFrom(req: WebRequest): { query: FinanceQuery; choice?: Choice } {
    const query = new FinanceQuery(req.query, this.time);
    const asOf = query.date('asOf', 'The date', query.today);
    const year = query.financialYear('financialYear', financialYearOf(asOf));
    const asAt = query.instant('asAt', 'The time the lists are as known at', query.now);
    return { query, choice: query.failed ? undefined : { asOf, year, asAt: asAt.at } };
  }
}

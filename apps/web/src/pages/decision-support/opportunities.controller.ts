import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { GetJointFundingOpportunities, GetStepDownOpportunities } from '@ledger/application';
import { financialYearOf, type FinancialYear, type LocalDate } from '@ledger/domain';
import { jointFundingToCsv, stepDownToCsv } from '@ledger/reporting';
import { PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { PageClock } from '../../rendering/page-clock';
import { PageRenderer } from '../../rendering/page-renderer';
import { rowsPage } from '../../rendering/rows-page';
import { FinanceQuery, queryString } from '../finance/finance-query';

/** Rows of each list a page shows; the CSV holds them all. */
export const PAGE_ROWS = 100;

interface Choice { readonly asOf: LocalDate; readonly year: FinancialYear; readonly asAt: Date; readonly stepDownPage: number; readonly jointFundingPage: number }

/**
 * Step-down and joint-funding opportunities as of a date: GET /api/opportunities/*'s queries, each list
 * paged, with CSV downloads of all of each (pinned to its as-of date and "as known at").
 */
@WebPages()
@Controller('opportunities')
export class OpportunitiesPageController {
  constructor(private readonly pages: PageRenderer, private readonly queries: QueryBus, private readonly time: PageClock) {}

  @Get()
  @PageRoles('commissioner', 'finance')
  async show(@Req() req: WebRequest, @Res() res: Response) {
    const { query, choice } = this.choiceFrom(req);
    if (choice === undefined) return this.refuse(req, res, query);
    const [stepDown, jointFunding] = await Promise.all([
      this.queries.execute(new GetStepDownOpportunities(choice.asOf, choice.asAt)),
      this.queries.execute(new GetJointFundingOpportunities(choice.asOf, choice.year, choice.asAt)),
    ]);
    const pinned = { asOf: choice.asOf, asAt: stepDown.asAt, financialYear: choice.year };
    const pageHref = (pages: { stepDownPage: number; jointFundingPage: number }, anchor: string) =>
      `/opportunities${queryString({ ...pinned, stepDownPage: String(pages.stepDownPage), jointFundingPage: String(pages.jointFundingPage) })}#${anchor}`;
    const stepDownRows = rowsPage(stepDown.opportunities, choice.stepDownPage, PAGE_ROWS, (n) => pageHref({ ...choice, stepDownPage: n }, 'step-down'));
    const jointFundingRows = rowsPage(jointFunding.opportunities, choice.jointFundingPage, PAGE_ROWS, (n) => pageHref({ ...choice, jointFundingPage: n }, 'joint-funding'));
    if (stepDownRows === undefined) query.fail('stepDownPage', `There is no page ${choice.stepDownPage} of step-down opportunities: the last is page ${lastPageOf(stepDown.count)}`);
    if (jointFundingRows === undefined) query.fail('jointFundingPage', `There is no page ${choice.jointFundingPage} of joint-funding opportunities: the last is page ${lastPageOf(jointFunding.count)}`);
    if (stepDownRows === undefined || jointFundingRows === undefined) return this.refuse(req, res, query);
    this.pages.render(req, res, 'decision-support/opportunities.njk', {
      values: query.values, yearTyped: query.raw('financialYear'), stepDown, jointFunding, stepDownRows, jointFundingRows,
      links: { stepDownCsv: `/opportunities/step-down.csv${queryString(pinned)}`, jointFundingCsv: `/opportunities/joint-funding.csv${queryString(pinned)}` },
    });
  }

  @Get('step-down.csv')
  @PageRoles('commissioner', 'finance')
  async stepDownCsv(@Req() req: WebRequest, @Res() res: Response) {
    const { query, choice } = this.choiceFrom(req);
    if (choice === undefined) return this.refuse(req, res, query);
    const list = await this.queries.execute(new GetStepDownOpportunities(choice.asOf, choice.asAt));
    res.type('text/csv').attachment(`step-down-opportunities-${choice.asOf}.csv`).send(stepDownToCsv(list));
  }

  @Get('joint-funding.csv')
  @PageRoles('commissioner', 'finance')
  async jointFundingCsv(@Req() req: WebRequest, @Res() res: Response) {
    const { query, choice } = this.choiceFrom(req);
    if (choice === undefined) return this.refuse(req, res, query);
    const list = await this.queries.execute(new GetJointFundingOpportunities(choice.asOf, choice.year, choice.asAt));
    res.type('text/csv').attachment(`joint-funding-opportunities-${choice.year}-${choice.asOf}.csv`).send(jointFundingToCsv(list));
  }

  /** The page with its choices and an error summary of what could not be read: 400, nothing queried. */
  private refuse(req: WebRequest, res: Response, query: FinanceQuery): void {
    this.pages.render(req, res, 'decision-support/opportunities.njk', { values: query.values, yearTyped: query.raw('financialYear'), errors: query.errors(['asOf']) }, 400);
  }

  /** The as-of date (default today), its financial year unless another is named, and the "as known at" (default now). */
  private choiceFrom(req: WebRequest): { query: FinanceQuery; choice?: Choice } {
    const query = new FinanceQuery(req.query, this.time);
    const asOf = query.date('asOf', 'The date', query.today);
    const year = query.financialYear('financialYear', financialYearOf(asOf));
    const asAt = query.instant('asAt', 'The time the lists are as known at', query.now);
    const stepDownPage = query.integer('stepDownPage', 'The page of step-down opportunities', 1, 999, 1);
    const jointFundingPage = query.integer('jointFundingPage', 'The page of joint-funding opportunities', 1, 999, 1);
    return { query, choice: query.failed ? undefined : { asOf, year, asAt: asAt.at, stepDownPage, jointFundingPage } };
  }
}

const lastPageOf = (rows: number): number => Math.max(1, Math.ceil(rows / PAGE_ROWS));

import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { addDays } from '@ledger/domain';
import { GetReturn } from '@ledger/application';
import { returnToCsv, returnToXlsx, type ReturnKind } from '@ledger/reporting';
import { PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { READER_ROLES } from '../../auth/web-user';
import { PageClock } from '../../rendering/page-clock';
import { PageRenderer } from '../../rendering/page-renderer';
import { FinanceQuery, queryString } from './finance-query';
import { figureRows, movementRows } from './return-view';
import { periodItems, quarterItems, siblingWindows, windowFrom, type ReturnWindow } from './return-windows';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMATS = ['csv', 'xlsx'] as const;

/**
 * The weekly, monthly and quarterly returns as pages, with CSV and XLSX of exactly what the page shows:
 * the same GetReturn query and the same files as GET /api/returns/*, pinned to the page's `asAt`.
 */
@WebPages()
@Controller('returns')
export class ReturnsPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly queries: QueryBus,
    private readonly time: PageClock,
  ) {}

  @Get('weekly')
  @PageRoles(...READER_ROLES)
  weekly(@Req() req: WebRequest, @Res() res: Response) {
    return this.show('weekly', req, res);
  }

  @Get('monthly')
  @PageRoles(...READER_ROLES)
  monthly(@Req() req: WebRequest, @Res() res: Response) {
    return this.show('monthly', req, res);
  }

  @Get('quarterly')
  @PageRoles(...READER_ROLES)
  quarterly(@Req() req: WebRequest, @Res() res: Response) {
    return this.show('quarterly', req, res);
  }

  private async show(kind: ReturnKind, req: WebRequest, res: Response): Promise<void> {
    const query = new FinanceQuery(req.query, this.time);
    const window = windowFrom(kind, query);
    const asAt = query.instant('asAt', 'The time the return is as known at', query.now);
    const format = query.raw('format');
    if (format !== '' && !(FORMATS as readonly string[]).includes(format)) query.fail('format', 'Choose a download as CSV or XLSX');
    const context = {
      kind, values: query.values, periodItems: periodItems(query.values.period ?? ''), quarterItems: quarterItems(query.values.quarter ?? ''),
    };
    if (query.failed) {
      this.pages.render(req, res, 'finance/return.njk', { ...context, errors: query.errors(['weekCommencing', 'asAt']), links: kindLinks(window, {}) }, 400);
      return;
    }
    const report = await this.queries.execute(new GetReturn(kind, window.start, window.end, asAt.at));
    if (format === 'csv') {
      res.type('text/csv').attachment(`${kind}-return-${window.start}.csv`).send(returnToCsv(report));
      return;
    }
    if (format === 'xlsx') {
      res.type(XLSX).attachment(`${kind}-return-${window.start}.xlsx`).send(await returnToXlsx(report));
      return;
    }
    // Neighbouring pages keep a chosen "as known at"; the downloads always pin the one shown.
    const keep: Record<string, string> = asAt.chosen ? { asAt: report.asAt } : {};
    const pinned = { ...window.params, asAt: report.asAt };
    this.pages.render(req, res, 'finance/return.njk', {
      ...context, window, report, lastDay: addDays(window.end, -1), asAtChosen: asAt.chosen, rows: figureRows(report), movements: movementRows(report),
      links: {
        ...kindLinks(window, keep),
        previous: `/returns/${kind}${queryString({ ...window.previous, ...keep })}`,
        next: `/returns/${kind}${queryString({ ...window.next, ...keep })}`,
        now: `/returns/${kind}${queryString(window.params)}`,
        csv: `/returns/${kind}${queryString({ ...pinned, format: 'csv' })}`,
        xlsx: `/returns/${kind}${queryString({ ...pinned, format: 'xlsx' })}`,
        api: `/api/returns/${kind}${queryString(pinned)}`,
      },
    });
  }
}

function kindLinks(window: ReturnWindow, keep: Record<string, string>) {
  const siblings = siblingWindows(window);
  const link = (kind: ReturnKind) => `/returns/${kind}${queryString({ ...siblings[kind].params, ...keep })}`;
  return { weekly: link('weekly'), monthly: link('monthly'), quarterly: link('quarterly') };
}

import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import {
  CLOCK, LEDGER_RUNTIME, NotFoundError, type Clock, type LedgerRuntime, type Role, GetWeeklyReport, readIssuedReport,
  weekJustEnded,
} from '@ledger/application';
import { addDays, isLocalDate, isMonday, localDate } from '@ledger/domain';
import { listIssuedReports } from '@ledger/projections';
import { type WeeklyReport } from '@ledger/reporting';
import { PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { PageRenderer } from '../../rendering/page-renderer';
import { isReportFormat, sendReportFile, weeklyReportView, type IssuedMark } from './weekly-report-view';

/** Those who read the weekly report: finance, the heads of service, and the admins who look after its job. */
export const REPORT_READERS: readonly Role[] = ['finance', 'manager', 'admin'];

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

type Problem = { field: string; message: string };

/**
 * The weekly senior-manager report on the web: the reports as issued each Monday, and the report for
 * any week as known now. The same query and the same issued streams as GET /api/reports.
 */
@WebPages()
@Controller('reports')
export class ReportsPagesController {
  constructor(
    private readonly pages: PageRenderer, private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock, @Inject(LEDGER_RUNTIME) private readonly runtime: LedgerRuntime,
  ) {}

  @Get()
  @PageRoles(...REPORT_READERS)
  async list(@Req() req: WebRequest, @Res() res: Response) {
    const reports = await listIssuedReports(this.runtime.database);
    this.pages.render(req, res, 'admin/reports.njk', { reports, lastWeek: weekJustEnded(this.runtime) });
  }

  @Get('weekly')
  @PageRoles(...REPORT_READERS)
  async weekly(@Req() req: WebRequest, @Res() res: Response, @Query() query: Record<string, unknown>) {
    const asked = typeof query.weekCommencing === 'string' ? query.weekCommencing.trim() : '';
    const format = typeof query.format === 'string' ? query.format : 'html';
    const asAt = typeof query.asAt === 'string' ? query.asAt : '';
    const problems: Problem[] = [];
    if (asked !== '' && !isLocalDate(asked)) problems.push({ field: 'weekCommencing', message: 'Enter the week commencing as a real date, like 2026-11-16' });
    else if (asked !== '' && !isMonday(localDate(asked))) problems.push({ field: 'weekCommencing', message: 'Enter a Monday: weeks run Monday to Sunday' });
    if (!isReportFormat(format)) problems.push({ field: 'format', message: 'Choose the page, the PDF or the XLSX' });
    if (asAt !== '' && (!ISO_INSTANT.test(asAt) || Number.isNaN(Date.parse(asAt)))) problems.push({ field: 'asAt', message: 'Give “as known at” as an instant, like 2026-11-27T10:00:00Z' });
    if (problems.length > 0 || !isReportFormat(format)) {
      this.pages.render(req, res, 'admin/weekly-report.njk', {
        weekCommencing: asked,
        // The week is the form's one field; the other parameters only come from links.
        errors: { summary: problems.map((p) => ({ text: p.message, href: '#weekCommencing' })), fields: Object.fromEntries(problems.map((p) => [p.field, p.message])) },
      }, 400);
      return;
    }
    const monday = asked === '' ? weekJustEnded(this.runtime) : localDate(asked);
    const report = await this.queries.execute(new GetWeeklyReport(monday, asAt === '' ? this.clock.now() : new Date(asAt)));
    if (format !== 'html') {
      await sendReportFile(res, report, format);
      return;
    }
    // The files are pinned to the page's "as known at", so they show exactly what the page shows.
    const files = (kind: string) => `/reports/weekly?weekCommencing=${report.weekCommencing}&asAt=${encodeURIComponent(report.asAt)}&format=${kind}`;
    this.renderReport(req, res, report, { pdf: files('pdf'), xlsx: files('xlsx') }, undefined, {
      previous: addDays(report.weekCommencing, -7), next: addDays(report.weekCommencing, 7),
    });
  }

  /** One issued report, exactly as issued: its page, PDF or workbook. */
  @Get('issued/:reportId')
  @PageRoles(...REPORT_READERS)
  async issued(@Req() req: WebRequest, @Res() res: Response, @Param('reportId') reportId: string, @Query('format') format = 'html') {
    const entry = (await listIssuedReports(this.runtime.database)).find((r) => r.reportId === reportId);
    const issued = entry === undefined ? undefined : await readIssuedReport(this.runtime, entry.streamId);
    if (issued === undefined) throw new NotFoundError(`No issued report ${reportId}`);
    const mark: IssuedMark = { id: issued.reportId, issuedAt: issued.issuedAt };
    if (!isReportFormat(format)) throw new NotFoundError(`No ${format} file of a report`);
    if (format !== 'html') {
      await sendReportFile(res, issued.report, format, mark);
      return;
    }
    const href = `/reports/issued/${encodeURIComponent(issued.reportId)}`;
    this.renderReport(req, res, issued.report, { pdf: `${href}?format=pdf`, xlsx: `${href}?format=xlsx` }, mark);
  }

  private renderReport(req: WebRequest, res: Response, report: WeeklyReport, files: { pdf: string; xlsx: string }, issued?: IssuedMark, weeks?: { previous: string; next: string }) {
    this.pages.render(req, res, 'admin/weekly-report.njk', { report, issued, files, weeks, weekCommencing: report.weekCommencing, view: weeklyReportView(report) });
  }
}

import { Controller, Get, Inject, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import type { Response } from 'express';
import {
  CLOCK, LEDGER_RUNTIME, NotFoundError, type Clock, type LedgerRuntime, GetWeeklyReport, readIssuedReport,
  type IssuedReport,
} from '@ledger/application';
import { isMonday, localDate } from '@ledger/domain';
import { listIssuedReports } from '@ledger/projections';
import { renderWeeklyReportHtml, weeklyReportToPdf, weeklyReportToXlsx, type WeeklyReport } from '@ledger/reporting';
import { AnyRole } from '../auth/auth.decorators';
import { RequestValidationError } from '../http/problem';
import { IsLocalDate } from '../http/validators';

const FORMATS = ['html', 'json', 'pdf', 'xlsx'] as const;
type ReportFormat = (typeof FORMATS)[number];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One report in the form asked for: the page, its data, a PDF or a workbook. */
async function render(report: WeeklyReport, format: string | undefined, res: Response, issued?: { id: string; issuedAt: string }): Promise<WeeklyReport | string | StreamableFile> {
  const name = `weekly-report-${report.weekCommencing}`;
  switch (format ?? 'html') {
    case 'json':
      return report;
    case 'pdf':
      res.type('application/pdf').attachment(`${name}.pdf`);
      return new StreamableFile(await weeklyReportToPdf(report, issued));
    case 'xlsx':
      res.type(XLSX).attachment(`${name}.xlsx`);
      return new StreamableFile(await weeklyReportToXlsx(report, issued));
    case 'html':
      res.type('text/html');
      return renderWeeklyReportHtml(report, issued);
    default:
      throw new RequestValidationError([{ field: 'format', message: `must be one of ${FORMATS.join(', ')}` }]);
  }
}

export class WeeklyReportQuery {
  @ApiProperty({ example: '2026-11-16', description: 'A Monday' }) @IsLocalDate() weekCommencing!: string;
  @ApiPropertyOptional({ enum: FORMATS, default: 'html' }) @IsOptional() @IsIn(FORMATS) format?: ReportFormat;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) asAt?: string;
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly queries: QueryBus, @Inject(CLOCK) private readonly clock: Clock, @Inject(LEDGER_RUNTIME) private readonly runtime: LedgerRuntime) {}

  /** The issued weekly reports, newest first. */
  @Get('issued')
  @AnyRole()
  async issued() {
    const reports = await listIssuedReports(this.runtime.database);
    return { count: reports.length, reports: reports.map(({ streamId: _stream, ...entry }) => ({ ...entry, href: `/api/reports/issued/${entry.reportId}` })) };
  }

  /** One issued report, exactly as issued (HTML, or its data as JSON). */
  @Get('issued/:reportId')
  @AnyRole()
  @ApiProduces('text/html', 'application/json', 'application/pdf', XLSX)
  async issuedReport(@Param('reportId') reportId: string, @Query('format') format: string | undefined, @Res({ passthrough: true }) res: Response): Promise<IssuedReport | WeeklyReport | string | StreamableFile> {
    const entry = (await listIssuedReports(this.runtime.database)).find((r) => r.reportId === reportId);
    const issued = entry === undefined ? undefined : await readIssuedReport(this.runtime, entry.streamId);
    if (issued === undefined) throw new NotFoundError(`No issued report ${reportId}`);
    if (format === 'json') return issued;
    return render(issued.report, format, res, { id: issued.reportId, issuedAt: issued.issuedAt });
  }

  /** The weekly senior-manager report for any week, as a web page (or its data as JSON). */
  @Get('weekly')
  @AnyRole()
  @ApiProduces('text/html', 'application/json', 'application/pdf', XLSX)
  async weekly(@Query() query: WeeklyReportQuery, @Res({ passthrough: true }) res: Response): Promise<WeeklyReport | string | StreamableFile> {
    const monday = localDate(query.weekCommencing);
    if (!isMonday(monday)) throw new RequestValidationError([{ field: 'weekCommencing', message: 'must be a Monday (weeks run Monday to Sunday)' }]);
    const report = await this.queries.execute(new GetWeeklyReport(monday, query.asAt ? new Date(query.asAt) : this.clock.now()));
    return render(report, query.format, res);
  }
}

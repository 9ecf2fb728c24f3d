import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { CLOCK, LEDGER_RUNTIME, NotFoundError, type Clock, type LedgerRuntime } from '@ledger/application';
import { isMonday, localDate } from '@ledger/domain';
import { listIssuedReports } from '@ledger/projections';
import { GetWeeklyReport, readIssuedReport, renderWeeklyReportHtml, type IssuedReport, type WeeklyReport } from '@ledger/reporting';
import { AnyRole } from '../auth/auth.decorators';
import { RequestValidationError } from '../http/problem';
import { IsLocalDate } from '../http/validators';

export class WeeklyReportQuery {
  @ApiProperty({ example: '2026-11-16', description: 'A Monday' }) @IsLocalDate() weekCommencing!: string;
  @ApiPropertyOptional({ enum: ['html', 'json'], default: 'html' }) @IsOptional() @IsIn(['html', 'json']) format?: 'html' | 'json';
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
  @ApiProduces('text/html', 'application/json')
  async issuedReport(@Param('reportId') reportId: string, @Query('format') format: string | undefined, @Res({ passthrough: true }) res: Response): Promise<IssuedReport | string> {
    const entry = (await listIssuedReports(this.runtime.database)).find((r) => r.reportId === reportId);
    const issued = entry === undefined ? undefined : await readIssuedReport(this.runtime, entry.streamId);
    if (issued === undefined) throw new NotFoundError(`No issued report ${reportId}`);
    if (format === 'json') return issued;
    res.type('text/html');
    return renderWeeklyReportHtml(issued.report, { id: issued.reportId, issuedAt: issued.issuedAt });
  }

  /** The weekly senior-manager report for any week, as a web page (or its data as JSON). */
  @Get('weekly')
  @AnyRole()
  @ApiProduces('text/html', 'application/json')
  async weekly(@Query() query: WeeklyReportQuery, @Res({ passthrough: true }) res: Response): Promise<WeeklyReport | string> {
    const monday = localDate(query.weekCommencing);
    if (!isMonday(monday)) throw new RequestValidationError([{ field: 'weekCommencing', message: 'must be a Monday (weeks run Monday to Sunday)' }]);
    const report = await this.queries.execute(new GetWeeklyReport(monday, query.asAt ? new Date(query.asAt) : this.clock.now()));
    if (query.format === 'json') return report;
    res.type('text/html');
    return renderWeeklyReportHtml(report);
  }
}

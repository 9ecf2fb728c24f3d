import { Controller, Get, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiPropertyOptional, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { CLOCK, type Clock, GetReturn } from '@ledger/application';
import { isMonday, localDate, periodRange, quarterRange, weekRange, type LocalDate } from '@ledger/domain';
import { returnToCsv, returnToXlsx, type FinanceReturn, type ReturnKind } from '@ledger/reporting';
import { AnyRole } from '../auth/auth.decorators';
import { RequestValidationError } from '../http/problem';
import { paged, PageQuery, type Pagination } from '../http/pagination';
import { financialYearParam, IsLocalDate } from '../http/validators';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

class ReturnQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only events recorded by this instant count (ISO 8601 with offset); default now' })
  @IsOptional() @IsISO8601({ strict: true }) asAt?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv', 'xlsx']) format?: 'json' | 'csv' | 'xlsx';
}

export class WeeklyReturnQuery extends ReturnQuery {
  @ApiProperty({ example: '2026-11-16', description: 'A Monday' }) @IsLocalDate() weekCommencing!: string;
}

export class MonthlyReturnQuery extends ReturnQuery {
  @ApiProperty({ example: '2026-27' }) @Matches(/^\d{4}-\d{2}$/) financialYear!: string;
  @ApiProperty({ minimum: 1, maximum: 12 }) @Type(() => Number) @IsInt() @Min(1) @Max(12) period!: number;
}

export class QuarterlyReturnQuery extends ReturnQuery {
  @ApiProperty({ example: '2026-27' }) @Matches(/^\d{4}-\d{2}$/) financialYear!: string;
  @ApiProperty({ minimum: 1, maximum: 4 }) @Type(() => Number) @IsInt() @Min(1) @Max(4) quarter!: number;
}

/** The lists in a return's JSON, a page at a time; the workbook holds them all. */
const RETURN_LISTS = ['movements', 'reviewsDue', 'reviewsOverdue'];

@ApiTags('returns')
@ApiBearerAuth()
@Controller('api/returns')
export class ReturnsController {
  constructor(private readonly queries: QueryBus, @Inject(CLOCK) private readonly clock: Clock) {}

  @Get('weekly')
  @AnyRole()
  @ApiProduces('application/json', 'text/csv', XLSX)
  weekly(@Query() query: WeeklyReturnQuery, @Res({ passthrough: true }) res: Response) {
    const monday = localDate(query.weekCommencing);
    if (!isMonday(monday)) throw new RequestValidationError([{ field: 'weekCommencing', message: 'must be a Monday (weeks run Monday to Sunday)' }]);
    const { start, end } = weekRange(monday);
    return this.answer('weekly', start, end, query, res);
  }

  @Get('monthly')
  @AnyRole()
  @ApiProduces('application/json', 'text/csv', XLSX)
  monthly(@Query() query: MonthlyReturnQuery, @Res({ passthrough: true }) res: Response) {
    const { start, end } = periodRange(financialYearParam(query.financialYear), query.period);
    return this.answer('monthly', start, end, query, res);
  }

  @Get('quarterly')
  @AnyRole()
  @ApiProduces('application/json', 'text/csv', XLSX)
  quarterly(@Query() query: QuarterlyReturnQuery, @Res({ passthrough: true }) res: Response) {
    const { start, end } = quarterRange(financialYearParam(query.financialYear), query.quarter);
    return this.answer('quarterly', start, end, query, res);
  }

  private async answer(kind: ReturnKind, start: LocalDate, end: LocalDate, query: ReturnQuery, res: Response): Promise<(FinanceReturn & { pagination: Pagination }) | string | StreamableFile> {
    const asAt = query.asAt === undefined ? this.clock.now() : new Date(query.asAt);
    const report = await this.queries.execute(new GetReturn(kind, start, end, asAt));
    switch (query.format ?? 'json') {
      case 'json':
        return paged(report, query, RETURN_LISTS);
      case 'csv':
        res.type('text/csv').attachment(`${kind}-return-${start}.csv`);
        return returnToCsv(report);
      case 'xlsx':
        res.type(XLSX).attachment(`${kind}-return-${start}.xlsx`);
        return new StreamableFile(await returnToXlsx(report));
    }
  }
}

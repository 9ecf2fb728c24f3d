import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { CLOCK, LEDGER_CONFIG, type Clock, type LedgerConfig, GetSufficiency, GetSufficiencyWhatIf } from '@ledger/application';
import { localDate, todayIn } from '@ledger/domain';
import { demandToCsv, lastTwelveMonths, parseAgeRange, whatIfToCsv } from '@ledger/reporting';
import { Roles } from '../auth/auth.decorators';
import { CsvPageQuery, wantsCsv } from '../http/csv-format';
import { paged } from '../http/pagination';
import { RequestValidationError } from '../http/problem';
import { IsLocalDate } from '../http/validators';

export class SufficiencyQuery extends CsvPageQuery {
  @ApiPropertyOptional({ example: '2025-12-01', description: 'First day of demand counted; default the first day of the month 12 months before this one' })
  @IsOptional() @IsLocalDate() from?: string;
  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last day counted (inclusive); default the last day of last month' })
  @IsOptional() @IsLocalDate() to?: string;
  @ApiPropertyOptional({ description: 'Only events recorded by this instant count (ISO 8601 with offset); default now' })
  @IsOptional() @IsISO8601({ strict: true }) asAt?: string;
}

export class WhatIfBody {
  @ApiProperty({ example: 'U4', description: 'SSDA903 PLACE code of the extra in-house places' })
  @IsString() @Matches(/^[A-Z][A-Z0-9]{1,3}$/) placementType!: string;
  @ApiProperty({ example: '12+', description: 'Ages the places are for: 12+, 12-15 or one age' })
  @IsString() @Matches(/^(\d{1,2}\+|\d{1,2}-\d{1,2}|\d{1,2})$/) ageBand!: string;
  @ApiProperty({ example: 10, minimum: 1, maximum: 1000 })
  @IsInt() @Min(1) @Max(1000) additionalInHousePlacements!: number;
  @ApiProperty({ example: '2026-04-01', description: 'The day the places become available' })
  @IsLocalDate() from!: string;
  @ApiPropertyOptional({ description: 'Only events recorded by this instant count (ISO 8601 with offset); default now' })
  @IsOptional() @IsISO8601({ strict: true }) asAt?: string;
}

/** Decision support: placement demand and how it was met, and what more in-house places would have saved. */
@ApiTags('decision-support')
@ApiBearerAuth()
@Controller('api/sufficiency')
export class SufficiencyController {
  constructor(private readonly queries: QueryBus, @Inject(CLOCK) private readonly clock: Clock, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  /** Demand by month, placement type, age band and need, split in-house / external / open / withdrawn, with the trend. */
  @Get()
  @Roles('manager', 'finance', 'commissioner')
  @ApiProduces('application/json', 'text/csv')
  async demand(@Query() query: SufficiencyQuery, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const now = this.clock.now();
    const window = lastTwelveMonths(todayIn(now, this.config.timeZone));
    const from = query.from === undefined ? window.from : localDate(query.from);
    const to = query.to === undefined ? window.to : localDate(query.to);
    if (to < from) throw new RequestValidationError([{ field: 'to', message: 'must be on or after from' }]);
    const demand = await this.queries.execute(new GetSufficiency(from, to, query.asAt === undefined ? now : new Date(query.asAt)));
    if (!wantsCsv(query, req)) return paged(demand, query, ['byMonth', 'byPlacementType', 'byAgeBand', 'byNeed']);
    res.type('text/csv').attachment(`sufficiency-${from}-${to}.csv`);
    return demandToCsv(demand);
  }

  /** A model over the ledger, not a command: nothing is recorded (an Idempotency-Key, if sent, replays it like any POST). */
  @Post('what-if')
  @HttpCode(200)
  @Roles('manager', 'finance', 'commissioner')
  @ApiProduces('application/json', 'text/csv')
  async whatIf(@Body() body: WhatIfBody, @Query() page: CsvPageQuery, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const ageRange = parseAgeRange(body.ageBand);
    if (ageRange === undefined) throw new RequestValidationError([{ field: 'ageBand', message: 'must be an age range such as 12+, 12-15 or 14' }]);
    if (this.config.decisionSupport.inHouseWeeklyCostPence[body.placementType] === undefined) {
      throw new RequestValidationError([{ field: 'placementType', message: `no in-house option for type ${body.placementType}` }], `no in-house option for type ${body.placementType}`);
    }
    const asAt = body.asAt === undefined ? this.clock.now() : new Date(body.asAt);
    const answer = await this.queries.execute(new GetSufficiencyWhatIf(body.placementType, ageRange, body.additionalInHousePlacements, localDate(body.from), asAt));
    if (!wantsCsv(page, req)) return paged(answer, page, ['steppedDown']);
    res.type('text/csv').attachment(`what-if-${body.placementType}-${body.from}.csv`);
    return whatIfToCsv(answer);
  }
}

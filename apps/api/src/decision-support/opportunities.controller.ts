import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import type { Request, Response } from 'express';
import { CLOCK, LEDGER_CONFIG, type Clock, type LedgerConfig, GetJointFundingOpportunities, GetStepDownOpportunities } from '@ledger/application';
import { financialYearOf, localDate, todayIn, type LocalDate } from '@ledger/domain';
import { jointFundingToCsv, stepDownToCsv } from '@ledger/reporting';
import { Roles } from '../auth/auth.decorators';
import { CsvPageQuery, wantsCsv } from '../http/csv-format';
import { paged } from '../http/pagination';
import { financialYearParam, IsLocalDate } from '../http/validators';

export class StepDownQuery extends CsvPageQuery {
  @ApiPropertyOptional({ example: '2026-11-23', description: 'The day the placements must be running on; default today' })
  @IsOptional() @IsLocalDate() asOf?: string;
  @ApiPropertyOptional({ description: 'Only events recorded by this instant count (ISO 8601 with offset); default now' })
  @IsOptional() @IsISO8601({ strict: true }) asAt?: string;
}

export class JointFundingQuery extends StepDownQuery {
  @ApiPropertyOptional({ example: '2026-27', description: 'The year the amount at stake runs to the end of; default the year of asOf' })
  @IsOptional() @Matches(/^\d{4}-\d{2}$/) financialYear?: string;
}

/** Decision support: where a step-down or a joint-funding agreement would save the external budget most. */
@ApiTags('decision-support')
@ApiBearerAuth()
@Controller('api/opportunities')
export class OpportunitiesController {
  constructor(private readonly queries: QueryBus, @Inject(CLOCK) private readonly clock: Clock, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  /** Running external placements whose type the council provides in-house for less, largest weekly saving first. */
  @Get('step-down')
  @Roles('commissioner', 'finance')
  @ApiProduces('application/json', 'text/csv')
  async stepDown(@Query() query: StepDownQuery, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { asOf, asAt } = this.when(query);
    const list = await this.queries.execute(new GetStepDownOpportunities(asOf, asAt));
    if (!wantsCsv(query, req)) return paged(list, query, ['opportunities']);
    res.type('text/csv').attachment(`step-down-opportunities-${asOf}.csv`);
    return stepDownToCsv(list);
  }

  /** Running placements whose needs suggest a health or education share they lack, by the year's amount at stake. */
  @Get('joint-funding')
  @Roles('commissioner', 'finance')
  @ApiProduces('application/json', 'text/csv')
  async jointFunding(@Query() query: JointFundingQuery, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { asOf, asAt } = this.when(query);
    const year = query.financialYear === undefined ? financialYearOf(asOf) : financialYearParam(query.financialYear);
    const list = await this.queries.execute(new GetJointFundingOpportunities(asOf, year, asAt));
    if (!wantsCsv(query, req)) return paged(list, query, ['opportunities']);
    res.type('text/csv').attachment(`joint-funding-opportunities-${year}-${asOf}.csv`);
    return jointFundingToCsv(list);
  }

  private when(query: StepDownQuery): { asOf: LocalDate; asAt: Date } {
    const now = this.clock.now();
    return { asOf: query.asOf === undefined ? todayIn(now, this.config.timeZone) : localDate(query.asOf), asAt: query.asAt === undefined ? now : new Date(query.asAt) };
  }
}

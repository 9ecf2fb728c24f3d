import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { CLOCK, LEDGER_CONFIG, type Clock, type LedgerConfig, GetForecast, GetForecastBacktest, GetForecastMovement } from '@ledger/application';
import { financialYearRange, localDate, todayIn } from '@ledger/domain';
import { type ScenarioName } from '@ledger/reporting';
import { AnyRole } from '../auth/auth.decorators';
import { RequestValidationError } from '../http/problem';
import { financialYearParam, IsLocalDate } from '../http/validators';

export class ForecastQuery {
  @ApiProperty({ example: '2026-27' }) @Matches(/^\d{4}-\d{2}$/) financialYear!: string;
  @ApiPropertyOptional({ description: 'Date the forecast is made as of (days before it are actual); default today' })
  @IsOptional() @IsLocalDate() asOf?: string;
  @ApiPropertyOptional({ description: 'Only events recorded by this instant count; default now' })
  @IsOptional() @IsISO8601({ strict: true }) asAt?: string;
}

export class ForecastMovementQuery {
  @ApiProperty({ example: '2026-27' }) @Matches(/^\d{4}-\d{2}$/) financialYear!: string;
  @ApiProperty({ description: 'The earlier instant' }) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ description: 'The later instant' }) @IsISO8601({ strict: true }) to!: string;
  @ApiPropertyOptional() @IsOptional() @IsLocalDate() asOf?: string;
  @ApiPropertyOptional({ enum: ['continuing', 'committed'], default: 'continuing' }) @IsOptional() @IsIn(['continuing', 'committed']) scenario?: ScenarioName;
}

export class BacktestQuery {
  @ApiProperty({ example: '2025-26', description: 'A completed financial year' }) @Matches(/^\d{4}-\d{2}$/) financialYear!: string;
  @ApiPropertyOptional({ description: 'The actual outturn as known at this instant; default now' })
  @IsOptional() @IsISO8601({ strict: true }) asAt?: string;
}

@ApiTags('forecast')
@ApiBearerAuth()
@Controller('api/forecast')
export class ForecastController {
  constructor(private readonly queries: QueryBus, @Inject(CLOCK) private readonly clock: Clock, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  /** Scenarios `committed`, `continuing` and `trend`, each against budget with a RAG status. */
  @Get()
  @AnyRole()
  forecast(@Query() query: ForecastQuery) {
    const now = this.clock.now();
    return this.queries.execute(new GetForecast(
      financialYearParam(query.financialYear),
      query.asOf === undefined ? todayIn(now, this.config.timeZone) : localDate(query.asOf),
      query.asAt === undefined ? now : new Date(query.asAt),
    ));
  }

  /**
   * The forecast as it was made on the first day of each month of a completed year (from what was
   * recorded before then), against the actual outturn: each basis's error, its mean absolute percentage
   * error, and how often the actual fell inside P10–P90.
   */
  @Get('backtest')
  @AnyRole()
  backtest(@Query() query: BacktestQuery) {
    const year = financialYearParam(query.financialYear);
    const now = this.clock.now();
    if (financialYearRange(year).end > todayIn(now, this.config.timeZone)) {
      throw new RequestValidationError([{ field: 'financialYear', message: `${year} has not ended: a back-test is of a completed year` }]);
    }
    return this.queries.execute(new GetForecastBacktest(year, query.asAt === undefined ? now : new Date(query.asAt)));
  }

  /** The change in projected outturn between two instants, by cause; the causes add up to the change. */
  @Get('movement')
  @AnyRole()
  movement(@Query() query: ForecastMovementQuery) {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (from > to) throw new RequestValidationError([{ field: 'from', message: 'must not be after to' }]);
    const now = this.clock.now();
    return this.queries.execute(new GetForecastMovement(
      financialYearParam(query.financialYear),
      query.asOf === undefined ? todayIn(now, this.config.timeZone) : localDate(query.asOf),
      from, to, query.scenario ?? 'continuing',
    ));
  }
}


import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { CLOCK, LEDGER_CONFIG, type Clock, type LedgerConfig, GetCompliance, GetRenewals } from '@ledger/application';
import { localDate, todayIn } from '@ledger/domain';
import { AnyRole } from '../auth/auth.decorators';
import { RequestValidationError } from '../http/problem';
import { paged, PageQuery } from '../http/pagination';
import { IsLocalDate } from '../http/validators';

/** The lists in a compliance report, a page at a time. */
const COMPLIANCE_LISTS = ['commissions.emergencies', 'reviews.terms', 'providersBelowGood', 'overDistance'];

export class ComplianceQuery extends PageQuery {
  @ApiProperty({ example: '2026-04-01' }) @IsLocalDate() from!: string;
  @ApiProperty({ example: '2026-12-01', description: 'Exclusive' }) @IsLocalDate() to!: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) asAt?: string;
}

export class RenewalsQuery extends PageQuery {
  @ApiPropertyOptional({ default: 7, minimum: 1, maximum: 90 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(90) within?: number;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) asAt?: string;
}

@ApiTags('compliance')
@ApiBearerAuth()
@Controller('api')
export class ComplianceController {
  constructor(private readonly queries: QueryBus, @Inject(CLOCK) private readonly clock: Clock, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  @Get('compliance/in-house-first')
  @AnyRole()
  async compliance(@Query() query: ComplianceQuery) {
    if (query.from > query.to) throw new RequestValidationError([{ field: 'from', message: 'must not be after to' }]);
    const now = this.clock.now();
    const report = await this.queries.execute(new GetCompliance(localDate(query.from), localDate(query.to), todayIn(now, this.config.timeZone), query.asAt ? new Date(query.asAt) : now));
    return paged(report, query, COMPLIANCE_LISTS);
  }

  @Get('renewals')
  @AnyRole()
  async renewals(@Query() query: RenewalsQuery) {
    const now = this.clock.now();
    const renewals = await this.queries.execute(new GetRenewals(todayIn(now, this.config.timeZone), query.within ?? this.config.reviewDueWithinDays, query.asAt ? new Date(query.asAt) : now));
    return paged(renewals, query, ['reviewsDue', 'reviewsOverdue']);
  }
}

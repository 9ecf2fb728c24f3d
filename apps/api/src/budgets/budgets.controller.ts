import { Body, Controller, Get, HttpCode, Param, Put, Res, type PipeTransform } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { envelopeFor, GetBudgets, SetBudget, type Actor } from '@ledger/application';
import type { Pence } from '@ledger/domain';
import { AnyRole, CurrentActor, Roles } from '../auth/auth.decorators';
import { RequestValidationError } from '../http/problem';
import { financialYearParam, MAX_BUDGET_PENCE } from '../http/validators';

export class SetBudgetDto {
  @ApiProperty({ example: 1_250_000_000, description: 'Annual budget in pence (net of contributions)' })
  @IsInt() @Min(0) @Max(MAX_BUDGET_PENCE) amountPence!: number;
  @ApiProperty({ example: 'Budget approved by Cabinet' }) @IsString() @Length(1, 2000) reason!: string;
}

const FinancialYearPipe: PipeTransform<string, string> = {
  transform(value) {
    return financialYearParam(value);
  },
};

const CostCentrePipe: PipeTransform<string, string> = {
  transform(value) {
    if (!/^[A-Za-z0-9][A-Za-z0-9\-_.]{0,39}$/.test(value)) {
      throw new RequestValidationError([{ field: 'costCentre', message: 'must be 1–40 letters, digits, - _ or .' }]);
    }
    return value;
  },
};

@ApiTags('budgets')
@ApiBearerAuth()
@Controller('api/budgets')
export class BudgetsController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Put(':financialYear/:costCentre')
  @HttpCode(200)
  @Roles('finance')
  async set(
    @Param('financialYear', FinancialYearPipe) financialYear: string,
    @Param('costCentre', CostCentrePipe) costCentre: string,
    @Body() body: SetBudgetDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(new SetBudget(
      { type: 'SetBudget', data: { financialYear, costCentre, amountPence: body.amountPence as Pence, reason: body.reason } },
      envelopeFor(actor, res.req.header('idempotency-key')),
    ));
    return { financialYear, costCentre, amountPence: body.amountPence, revision: result.revision, appended: result.appended };
  }

  @Get(':financialYear')
  @AnyRole()
  get(@Param('financialYear', FinancialYearPipe) financialYear: string) {
    return this.queries.execute(new GetBudgets(financialYear));
  }
}

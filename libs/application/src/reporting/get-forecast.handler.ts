import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { FinancialYear, LocalDate } from '@ledger/domain';
import type { LedgerReader } from '@ledger/projections';
import { buildForecastMovement, buildForecastWithRange, type ForecastWithRange, type ScenarioName, type ForecastMovement } from '@ledger/reporting';
import { LEDGER_CONFIG, LEDGER_READER } from '../tokens';
import type { LedgerConfig } from '../config/ledger-config';

export class GetForecast extends Query<ForecastWithRange> {
  constructor(readonly financialYear: FinancialYear, readonly asOf: LocalDate, readonly asAt: Date) {
    super();
  }
}

export class GetForecastMovement extends Query<ForecastMovement> {
  constructor(readonly financialYear: FinancialYear, readonly asOf: LocalDate, readonly from: Date, readonly to: Date, readonly scenario: ScenarioName) {
    super();
  }
}

@QueryHandler(GetForecast)
export class GetForecastHandler implements IQueryHandler<GetForecast> {
  constructor(@Inject(LEDGER_READER) private readonly ledger: LedgerReader, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  async execute({ financialYear, asOf, asAt }: GetForecast): Promise<ForecastWithRange> {
    return buildForecastWithRange(await this.ledger.at(asAt), financialYear, asOf, { redBasisPoints: this.config.ragRedBasisPoints, redPence: this.config.ragRedPence });
  }
}

@QueryHandler(GetForecastMovement)
export class GetForecastMovementHandler implements IQueryHandler<GetForecastMovement> {
  constructor(@Inject(LEDGER_READER) private readonly ledger: LedgerReader) {}

  async execute({ financialYear, asOf, from, to, scenario }: GetForecastMovement): Promise<ForecastMovement> {
    const [base, facts] = await Promise.all([this.ledger.at(from), this.ledger.factsBetween(from, to)]);
    return buildForecastMovement(base, facts, to.toISOString(), financialYear, asOf, scenario);
  }
}

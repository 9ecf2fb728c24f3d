import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { FinancialYear, LocalDate } from '@ledger/domain';
import type { LedgerReader } from '@ledger/projections';
import { jointFundingOpportunities, stepDownOpportunities, type JointFundingOpportunities, type StepDownOpportunities } from '@ledger/reporting';
import { LEDGER_CONFIG, LEDGER_READER } from '../../tokens';
import type { LedgerConfig } from '../../config/ledger-config';

/** Running external placements an in-house option would cost less for, as of a date and as known at an instant. */
export class GetStepDownOpportunities extends Query<StepDownOpportunities> {
  constructor(readonly asOf: LocalDate, readonly asAt: Date) {
    super();
  }
}

/** Running placements whose needs suggest a health or education share they do not have, with the year's amount at stake. */
export class GetJointFundingOpportunities extends Query<JointFundingOpportunities> {
  constructor(readonly asOf: LocalDate, readonly financialYear: FinancialYear, readonly asAt: Date) {
    super();
  }
}

@QueryHandler(GetStepDownOpportunities)
export class GetStepDownOpportunitiesHandler implements IQueryHandler<GetStepDownOpportunities> {
  constructor(@Inject(LEDGER_READER) private readonly ledger: LedgerReader, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  async execute({ asOf, asAt }: GetStepDownOpportunities): Promise<StepDownOpportunities> {
    return stepDownOpportunities(await this.ledger.at(asAt), asOf, this.config.decisionSupport.inHouseWeeklyCostPence);
  }
}

@QueryHandler(GetJointFundingOpportunities)
export class GetJointFundingOpportunitiesHandler implements IQueryHandler<GetJointFundingOpportunities> {
  constructor(@Inject(LEDGER_READER) private readonly ledger: LedgerReader, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  async execute({ asOf, financialYear, asAt }: GetJointFundingOpportunities): Promise<JointFundingOpportunities> {
    return jointFundingOpportunities(await this.ledger.at(asAt), asOf, financialYear, this.config.decisionSupport.typicalJointFundingShareBasisPoints);
  }
}

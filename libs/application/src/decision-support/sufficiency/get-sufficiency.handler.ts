import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LocalDate } from '@ledger/domain';
import type { LedgerReader } from '@ledger/projections';
import { buildDemand, whatIf, type AgeRange, type Demand, type WhatIf } from '@ledger/reporting';
import { LEDGER_CONFIG, LEDGER_READER } from '../../tokens';
import type { LedgerConfig } from '../../config/ledger-config';

/** Demand for placements in [from, to] by month, type, age band and need, split by how it was met. */
export class GetSufficiency extends Query<Demand> {
  constructor(readonly from: LocalDate, readonly to: LocalDate, readonly asAt: Date) {
    super();
  }
}

/** What more in-house places of a type and age range from a date would have stepped down, and saved. Records nothing. */
export class GetSufficiencyWhatIf extends Query<WhatIf> {
  constructor(readonly placementType: string, readonly ageRange: AgeRange, readonly additionalInHousePlaces: number, readonly from: LocalDate, readonly asAt: Date) {
    super();
  }
}

@QueryHandler(GetSufficiency)
export class GetSufficiencyHandler implements IQueryHandler<GetSufficiency> {
  constructor(@Inject(LEDGER_READER) private readonly ledger: LedgerReader) {}

  async execute({ from, to, asAt }: GetSufficiency): Promise<Demand> {
    return buildDemand(await this.ledger.at(asAt), from, to);
  }
}

@QueryHandler(GetSufficiencyWhatIf)
export class GetSufficiencyWhatIfHandler implements IQueryHandler<GetSufficiencyWhatIf> {
  constructor(@Inject(LEDGER_READER) private readonly ledger: LedgerReader, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  async execute({ placementType, ageRange, additionalInHousePlaces, from, asAt }: GetSufficiencyWhatIf): Promise<WhatIf> {
    const inHouseWeeklyCostPence = this.config.decisionSupport.inHouseWeeklyCostPence[placementType];
    // The edges refuse such a type as invalid input (400) before asking; reaching here is a defect.
    if (inHouseWeeklyCostPence === undefined) throw new Error(`no in-house option for type ${placementType}`);
    return whatIf(await this.ledger.at(asAt), { placementType, ageRange, additionalInHousePlaces, from, inHouseWeeklyCostPence });
  }
}

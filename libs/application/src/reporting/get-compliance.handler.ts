import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LocalDate } from '@ledger/domain';
import type { LedgerReader } from '@ledger/projections';
import { buildCompliance, renewalsDue, type ReviewFlag, type ComplianceReport } from '@ledger/reporting';
import { LEDGER_READER } from '../tokens';

export class GetCompliance extends Query<ComplianceReport> {
  constructor(readonly from: LocalDate, readonly to: LocalDate, readonly asOf: LocalDate, readonly asAt: Date) {
    super();
  }
}

export interface Renewals {
  readonly asOf: LocalDate;
  readonly within: number;
  readonly reviewsDue: readonly ReviewFlag[];
  readonly reviewsOverdue: readonly ReviewFlag[];
}

export class GetRenewals extends Query<Renewals> {
  constructor(readonly asOf: LocalDate, readonly within: number, readonly asAt: Date) {
    super();
  }
}

@QueryHandler(GetCompliance)
export class GetComplianceHandler implements IQueryHandler<GetCompliance> {
  constructor(@Inject(LEDGER_READER) private readonly ledger: LedgerReader) {}

  async execute({ from, to, asOf, asAt }: GetCompliance): Promise<ComplianceReport> {
    return buildCompliance(await this.ledger.at(asAt), from, to, asOf);
  }
}

/** Reviews due within N days of today and those overdue: what the commissioners work from each morning. */
@QueryHandler(GetRenewals)
export class GetRenewalsHandler implements IQueryHandler<GetRenewals> {
  constructor(@Inject(LEDGER_READER) private readonly ledger: LedgerReader) {}

  async execute({ asOf, within, asAt }: GetRenewals): Promise<Renewals> {
    const ledger = await this.ledger.at(asAt);
    return { asOf, within, ...renewalsDue(ledger, asOf, within) };
  }
}

import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LocalDate } from '@ledger/domain';
import type { LedgerReader } from '@ledger/projections';
import { buildWeeklyReport, type WeeklyReport } from '@ledger/reporting';
import { LEDGER_CONFIG, LEDGER_READER } from '../tokens';
import type { LedgerConfig } from '../config/ledger-config';

export class GetWeeklyReport extends Query<WeeklyReport> {
  constructor(readonly weekCommencing: LocalDate, readonly asAt: Date) {
    super();
  }
}

/** The senior-manager report for any week, from the ledger as known at `asAt`. */
@QueryHandler(GetWeeklyReport)
export class GetWeeklyReportHandler implements IQueryHandler<GetWeeklyReport> {
  constructor(@Inject(LEDGER_READER) private readonly ledger: LedgerReader, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  async execute({ weekCommencing, asAt }: GetWeeklyReport): Promise<WeeklyReport> {
    return buildWeeklyReport(await this.ledger.at(asAt), weekCommencing, { redBasisPoints: this.config.ragRedBasisPoints, redPence: this.config.ragRedPence });
  }
}

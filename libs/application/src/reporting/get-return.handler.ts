import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LocalDate } from '@ledger/domain';
import type { LedgerReader } from '@ledger/projections';
import { buildReturn, type FinanceReturn, type ReturnKind } from '@ledger/reporting';
import { LEDGER_READER } from '../tokens';

export class GetReturn extends Query<FinanceReturn> {
  constructor(readonly kind: ReturnKind, readonly start: LocalDate, readonly end: LocalDate, readonly asAt: Date) {
    super();
  }
}

/** Weekly, monthly and quarterly returns, each from the ledger as known at `asAt`. */
@QueryHandler(GetReturn)
export class GetReturnHandler implements IQueryHandler<GetReturn> {
  constructor(@Inject(LEDGER_READER) private readonly ledger: LedgerReader) {}

  async execute({ kind, start, end, asAt }: GetReturn): Promise<FinanceReturn> {
    return buildReturn(kind, await this.ledger.at(asAt), start, end);
  }
}

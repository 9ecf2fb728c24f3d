import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SQL_DATABASE } from '@ledger/application';
import type { LocalDate } from '@ledger/domain';
import type { SqlDatabase } from '@ledger/event-store';
import { loadLedgerAsAt } from '@ledger/projections';
import { buildReturn, type FinanceReturn, type ReturnKind } from './returns/build-return';

export class GetReturn extends Query<FinanceReturn> {
  constructor(readonly kind: ReturnKind, readonly start: LocalDate, readonly end: LocalDate, readonly asAt: Date) {
    super();
  }
}

/** Weekly, monthly and quarterly returns, each from the ledger as known at `asAt`. */
@QueryHandler(GetReturn)
export class GetReturnHandler implements IQueryHandler<GetReturn> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute({ kind, start, end, asAt }: GetReturn): Promise<FinanceReturn> {
    return buildReturn(kind, await loadLedgerAsAt(this.db, asAt), start, end);
  }
}

import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '../tokens';
import { budgetModel, budgetStreamId } from './budget-model';

export interface BudgetChange {
  readonly type: string;
  readonly amountPence: number;
  readonly previousAmountPence?: number;
  readonly reason: string;
  readonly recordedAt: string;
  readonly actorId: string;
}

export interface BudgetsView {
  readonly financialYear: string;
  readonly revision: number;
  readonly totalPence: number;
  readonly costCentres: Record<string, { readonly amountPence: number; readonly history: readonly BudgetChange[] }>;
}

export class GetBudgets extends Query<BudgetsView> {
  constructor(readonly financialYear: string) {
    super();
  }
}

/** A year with no budget set answers with no cost centres rather than 404: "none set yet". */
@QueryHandler(GetBudgets)
export class GetBudgetsHandler implements IQueryHandler<GetBudgets> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ financialYear }: GetBudgets): Promise<BudgetsView> {
    const stream = await this.store.readStream(budgetStreamId(financialYear));
    const costCentres: Record<string, { amountPence: number; history: BudgetChange[] }> = {};
    for (const stored of stream.events) {
      const event = budgetModel.upcast(stored);
      const entry = (costCentres[event.data.costCentre] ??= { amountPence: 0, history: [] });
      entry.amountPence = event.data.amountPence;
      entry.history.push({
        type: event.type,
        amountPence: event.data.amountPence,
        ...(event.type === 'BudgetAdjusted' ? { previousAmountPence: event.data.previousAmountPence } : {}),
        reason: event.data.reason,
        recordedAt: stored.metadata.recordedAt,
        actorId: stored.metadata.actorId,
      });
    }
    const totalPence = Object.values(costCentres).reduce((sum, c) => sum + c.amountPence, 0);
    return { financialYear, revision: stream.revision, totalPence, costCentres };
  }
}

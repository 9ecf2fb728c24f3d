import type { Pence } from '../money/pence';

export const BUDGET_EVENT_TYPES = ['BudgetSet', 'BudgetAdjusted'] as const;

/** One stream per financial year; each event is about one cost centre's budget. */
export type BudgetEvent =
  | { readonly type: 'BudgetSet'; readonly data: {
      readonly financialYear: string; readonly costCentre: string; readonly amountPence: Pence; readonly reason: string } }
  | { readonly type: 'BudgetAdjusted'; readonly data: {
      readonly financialYear: string; readonly costCentre: string; readonly amountPence: Pence;
      readonly previousAmountPence: Pence; readonly reason: string } };

export type BudgetCommand =
  { readonly type: 'SetBudget'; readonly data: {
    readonly financialYear: string; readonly costCentre: string; readonly amountPence: Pence; readonly reason: string } };

import type { Pence } from '../money/pence';
import { DomainError } from '../shared/domain-error';
import { decideBudget, evolveBudget, initialBudgetState } from './budget';
import type { BudgetCommand, BudgetEvent } from './budget-events';

const set = (amountPence: number, reason = 'Cabinet approval'): BudgetCommand =>
  ({ type: 'SetBudget', data: { financialYear: '2026-27', costCentre: 'CC-IFA', amountPence: amountPence as Pence, reason } });
const after = (...events: BudgetEvent[]) => events.reduce(evolveBudget, initialBudgetState);

describe('a cost centre budget for a financial year', () => {
  it('is set by its first amount', () => {
    expect(decideBudget(set(1_250_000_000), initialBudgetState)).toEqual([
      { type: 'BudgetSet', data: { financialYear: '2026-27', costCentre: 'CC-IFA', amountPence: 1_250_000_000, reason: 'Cabinet approval' } }]);
  });

  it('is adjusted by a different amount, keeping the previous one', () => {
    const state = after(...decideBudget(set(1_250_000_000), initialBudgetState));
    expect(decideBudget(set(1_300_000_000, 'Virement'), state)).toEqual([{ type: 'BudgetAdjusted', data: {
      financialYear: '2026-27', costCentre: 'CC-IFA', amountPence: 1_300_000_000, previousAmountPence: 1_250_000_000, reason: 'Virement' } }]);
  });

  it('is unchanged, with nothing recorded, by the same amount again', () => {
    const state = after(...decideBudget(set(1_250_000_000), initialBudgetState));
    expect(decideBudget(set(1_250_000_000), state)).toEqual([]);
  });

  it.each([[-1], [0.5]])('refuses %p pence', (amount) => {
    expect(() => decideBudget(set(amount), initialBudgetState)).toThrow(DomainError);
  });

  it('needs a reason', () => {
    expect(() => decideBudget(set(100, ' '), initialBudgetState)).toThrow(/why/);
  });
});

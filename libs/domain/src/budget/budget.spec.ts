import type { Pence } from '../money/pence';
import { DomainError } from '../shared/domain-error';
import { decideBudget, evolveBudget, initialBudgetState, upcastBudgetEvent } from './budget';
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

  it('keeps the history of every setting, in order', () => {
    const first = after(...decideBudget(set(1_250_000_000), initialBudgetState));
    const state = after(...decideBudget(set(1_250_000_000), initialBudgetState), ...decideBudget(set(1_300_000_000, 'Virement'), first));
    expect(state.costCentres['CC-IFA']).toEqual({ amountPence: 1_300_000_000, changes: 2, history: [
      { amountPence: 1_250_000_000, reason: 'Cabinet approval' },
      { amountPence: 1_300_000_000, previousAmountPence: 1_250_000_000, reason: 'Virement' }] });
  });

  it('keeps cost centres apart', () => {
    const state = after(...decideBudget(set(1_250_000_000), initialBudgetState));
    const other: BudgetCommand = { type: 'SetBudget', data: { ...set(500).data, costCentre: 'CC-RES' } };
    expect(decideBudget(other, state)).toEqual([{ type: 'BudgetSet', data: { financialYear: '2026-27', costCentre: 'CC-RES', amountPence: 500, reason: 'Cabinet approval' } }]);
  });

  it('may be set to nothing', () => {
    expect(decideBudget(set(0), initialBudgetState)).toHaveLength(1);
  });

  it('is unchanged, with nothing recorded, by the same amount again', () => {
    const state = after(...decideBudget(set(1_250_000_000), initialBudgetState));
    expect(decideBudget(set(1_250_000_000), state)).toEqual([]);
  });

  it.each([[-1], [0.5], [2 ** 53], [Number.NaN]])('refuses %p pence', (amount) => {
    expect(() => decideBudget(set(amount), initialBudgetState)).toThrow(expect.objectContaining({ rule: 'budget', field: 'amountPence' }));
  });

  it('needs a reason', () => {
    expect(() => decideBudget(set(100, ' '), initialBudgetState)).toThrow(DomainError);
    expect(() => decideBudget(set(100, ' '), initialBudgetState)).toThrow(/why/);
  });
});

describe('a stored budget event', () => {
  it('is read back as it was written', () => {
    expect(upcastBudgetEvent('BudgetSet', 1, { financialYear: '2026-27', costCentre: 'CC-IFA', amountPence: 5, reason: 'r' }))
      .toEqual({ type: 'BudgetSet', data: { financialYear: '2026-27', costCentre: 'CC-IFA', amountPence: 5, reason: 'r' } });
  });

  it('of an unknown type is refused', () => {
    expect(() => upcastBudgetEvent('BudgetDeleted', 1, {})).toThrow(/Unknown budget event type/);
  });
});

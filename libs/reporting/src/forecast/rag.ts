import { pence, roundHalfUpDiv, type Pence } from '@ledger/domain';

export type Rag = 'red' | 'amber' | 'green';

export interface RagThresholds {
  /** Red from an overspend of this share of the budget, in basis points (default 500 = 5%)… */
  readonly redBasisPoints: number;
  /** …or of this amount (default £100,000), whichever is lower. */
  readonly redPence: Pence;
}

export const DEFAULT_RAG: RagThresholds = { redBasisPoints: 500, redPence: pence(10_000_000) };

/** Green at or under budget, amber for a smaller overspend, red at the threshold or above. */
export function ragFor(variancePence: Pence, budgetPence: Pence, thresholds: RagThresholds = DEFAULT_RAG): Rag {
  if (variancePence <= 0) return 'green';
  const red = Math.min(roundHalfUpDiv(BigInt(budgetPence) * BigInt(thresholds.redBasisPoints), 10_000), thresholds.redPence);
  return variancePence >= red ? 'red' : 'amber';
}

import { placementStreamId, subtractPence, ZERO, type FinancialYear, type Pence } from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import type { Forecast } from './forecast';
import { CAUSES, type Cause, type ForecastMovement } from './forecast-movement';
import type { Rag } from './rag';

/** A cost centre whose continuing projected outturn crossed a RAG boundary, or moved by more than the threshold, in a week. */
export interface EarlyWarning {
  readonly financialYear: FinancialYear;
  readonly costCentre: string;
  readonly budgetPence: Pence;
  readonly before: { readonly asAt: string; readonly outturnPence: Pence; readonly rag: Rag };
  readonly after: { readonly asAt: string; readonly outturnPence: Pence; readonly rag: Rag };
  readonly movedPence: Pence;
  /** `rag`: it crossed a boundary; `movement`: it moved by more than the threshold; both can hold. */
  readonly reasons: readonly ('rag' | 'movement')[];
  /** The move by cause, from the events recorded between the two instants (they add up to `movedPence`). */
  readonly causes: Readonly<Record<Cause, Pence>>;
}

/**
 * Compares the continuing basis as known at two instants (the same as-of date, so only what was recorded
 * in between moves it) cost centre by cost centre. The causes are the movement's items for placements
 * charged to the cost centre; a budget change moves the RAG without moving the outturn, and says so.
 */
export function earlyWarnings(before: Forecast, after: Forecast, movement: ForecastMovement, now: LedgerAsAt, thresholdPence: Pence): EarlyWarning[] {
  const was = before.scenarios.continuing.costCentres;
  const is = after.scenarios.continuing.costCentres;
  const centreOf = (placementId: string): string | undefined => {
    const state = now.streams?.get(placementStreamId(placementId)) ?? now.placements.find((p) => p.status !== 'Initial' && p.placementId === placementId);
    return state !== undefined && 'costCentre' in state ? state.costCentre : undefined;
  };
  const warnings: EarlyWarning[] = [];
  for (const costCentre of [...new Set([...Object.keys(was), ...Object.keys(is)])].sort()) {
    const from = { outturnPence: was[costCentre]?.projectedOutturnPence ?? ZERO, rag: was[costCentre]?.rag ?? 'green' };
    const to = { outturnPence: is[costCentre]?.projectedOutturnPence ?? ZERO, rag: is[costCentre]?.rag ?? 'green' };
    const moved = subtractPence(to.outturnPence, from.outturnPence);
    const reasons = [...(from.rag !== to.rag ? ['rag' as const] : []), ...(Math.abs(moved) > thresholdPence ? ['movement' as const] : [])];
    if (reasons.length === 0) continue;
    const causes = Object.fromEntries(CAUSES.map((c) => [c, ZERO])) as Record<Cause, Pence>;
    for (const item of movement.items) if (centreOf(item.placementId) === costCentre) causes[item.cause] = (causes[item.cause] + item.deltaPence) as Pence;
    warnings.push({
      financialYear: after.financialYear, costCentre, budgetPence: is[costCentre]?.budgetPence ?? ZERO,
      before: { asAt: before.asAt, ...from }, after: { asAt: after.asAt, ...to }, movedPence: moved, reasons, causes,
    });
  }
  return warnings;
}

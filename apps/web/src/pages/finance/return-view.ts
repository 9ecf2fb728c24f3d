import { PLACEMENT_TYPES } from '@ledger/domain';
import type { Figures, FinanceReturn, Movement } from '@ledger/reporting';

/** One row of a return's tables: which grouping, its key, how the page names it, and its figures. */
export interface FigureRow {
  readonly grouping: 'total' | 'costCentre' | 'placementType';
  readonly key: string;
  readonly label: string;
  /** A placement type's SSDA903 description, shown under its code. */
  readonly detail?: string;
  readonly figures: Figures;
}

const MOVEMENT_WORDS: Record<Movement['kind'], string> = {
  commissioned: 'Commissioned',
  ended: 'Ended',
  extended: 'Extended',
  'rate-changed': 'Rate changed',
  'joint-funding': 'Joint funding agreed',
};

/** The rows in the order the CSV and XLSX give them: total, cost centres, placement types. */
export function figureRows(report: FinanceReturn): { total: FigureRow; costCentres: FigureRow[]; placementTypes: FigureRow[] } {
  return {
    total: { grouping: 'total', key: 'all', label: 'All cost centres', figures: report.total },
    costCentres: Object.entries(report.costCentres).sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, figures]) => ({ grouping: 'costCentre', key, label: key, figures })),
    placementTypes: Object.entries(report.placementTypes).sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, figures]) => ({ grouping: 'placementType', key, label: key, detail: PLACEMENT_TYPES[key] ?? 'Unknown type', figures })),
  };
}

export function movementRows(report: FinanceReturn) {
  return report.movements.map((movement) => ({ ...movement, what: MOVEMENT_WORDS[movement.kind] }));
}

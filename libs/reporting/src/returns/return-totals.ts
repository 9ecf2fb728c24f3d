import { addPence, pence, ZERO, type Pence, type PlacementState } from '@ledger/domain';
import { changesBetween, type Kept } from '../kept-sums';
import { addPlacement, emptyFigures, type Figures, type PlacementFigures } from './figures';
import { byDateThenPlacement, type Movement, type ReviewFlag } from './movements';

/** One placement's part in a return: figures, outturn, movements and review flag, for one period. */
export interface PlacementPart {
  readonly costCentre: string;
  readonly placementType: string;
  readonly figures: PlacementFigures;
  readonly outturnPence: Pence;
  readonly movements: readonly Movement[];
  readonly review?: { readonly standing: 'due' | 'overdue'; readonly flag: ReviewFlag };
}

/** A row of the return with the number of placements in it, so a row no placement is left in goes. */
interface Row { readonly figures: Figures; placements: number }

/**
 * The sums of every placement's part in one period, for one ledger (`streams`), before budgets. Kept
 * per period and moved on to the next ledger by the placements whose state changed, so after a write
 * a return costs a pass that compares the placements' states and the parts of the few that changed.
 * Lists are replaced, never changed in place, so an answer already given keeps its own.
 */
export class ReturnTotals implements Kept {
  private streams: ReadonlyMap<string, PlacementState> = new Map();
  private readonly parts = new Map<string, PlacementPart>();
  readonly total = emptyFigures(true);
  private readonly costCentreRows = new Map<string, Row>();
  private readonly placementTypeRows = new Map<string, Row>();
  outturnPence: Pence = ZERO;
  movements: readonly Movement[] = [];
  reviewsDue: readonly ReviewFlag[] = [];
  reviewsOverdue: readonly ReviewFlag[] = [];

  /** How many placements differ between the ledger summed and `streams` (0 when they are the same). */
  changesTo(streams: ReadonlyMap<string, PlacementState>): number {
    return changesBetween(this.streams, streams);
  }

  /** Moves the sums on to `streams`; `partOf` gives an external placement's part (undefined for any other). */
  moveTo(streams: ReadonlyMap<string, PlacementState>, partOf: (state: PlacementState) => PlacementPart | undefined): void {
    if (streams === this.streams) return;
    const changed: string[] = [];
    for (const [id, state] of streams) if (this.streams.get(id) !== state) changed.push(id);
    for (const id of this.streams.keys()) if (!streams.has(id)) changed.push(id);
    const gone = new Set<string>();
    const arrived: Movement[] = [];
    let reviewsChanged = false;
    for (const id of changed) {
      const before = this.parts.get(id);
      const state = streams.get(id);
      const after = state === undefined ? undefined : partOf(state);
      if (before !== undefined) {
        this.add(before, -1);
        if (before.movements.length > 0) gone.add(before.movements[0].placementId);
        reviewsChanged ||= before.review !== undefined;
        this.parts.delete(id);
      }
      if (after !== undefined) {
        this.add(after, 1);
        arrived.push(...after.movements);
        reviewsChanged ||= after.review !== undefined;
        this.parts.set(id, after);
      }
    }
    if (gone.size > 0 || arrived.length > 0) this.movements = merged(this.movements.filter((m) => !gone.has(m.placementId)), arrived.sort(byDateThenPlacement));
    if (reviewsChanged) this.sortReviews(streams);
    this.streams = streams;
  }

  /** Rows by cost centre and by placement type, in key order, as fresh copies. */
  rows(): { costCentres: Record<string, Figures>; placementTypes: Record<string, Figures> } {
    const copy = (rows: Map<string, Row>) => Object.fromEntries([...rows].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, row]) => [key, { ...row.figures }]));
    return { costCentres: copy(this.costCentreRows), placementTypes: copy(this.placementTypeRows) };
  }

  private add(part: PlacementPart, sign: 1 | -1): void {
    addPlacement(this.total, part.figures, sign);
    for (const [rows, key, withBudget] of [[this.costCentreRows, part.costCentre, true], [this.placementTypeRows, part.placementType, false]] as const) {
      const row = rows.get(key) ?? { figures: emptyFigures(withBudget), placements: 0 };
      rows.set(key, row);
      addPlacement(row.figures, part.figures, sign);
      row.placements += sign;
      if (row.placements === 0) rows.delete(key);
    }
    this.outturnPence = addPence(this.outturnPence, sign === 1 ? part.outturnPence : pence(-part.outturnPence));
  }

  /** By term end, then in the ledger's placement order, as a fresh pass would list them. */
  private sortReviews(streams: ReadonlyMap<string, PlacementState>): void {
    const byTermEnd = (a: ReviewFlag, b: ReviewFlag) => (a.termEnd < b.termEnd ? -1 : a.termEnd > b.termEnd ? 1 : 0);
    const due: ReviewFlag[] = [];
    const overdue: ReviewFlag[] = [];
    for (const id of streams.keys()) {
      const review = this.parts.get(id)?.review;
      if (review !== undefined) (review.standing === 'due' ? due : overdue).push(review.flag);
    }
    this.reviewsDue = due.sort(byTermEnd);
    this.reviewsOverdue = overdue.sort(byTermEnd);
  }
}

/** Two sorted lists as one. */
function merged(a: readonly Movement[], b: readonly Movement[]): Movement[] {
  if (b.length === 0) return [...a];
  const out: Movement[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byDateThenPlacement(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

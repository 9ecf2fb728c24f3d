import { addPence, pence, ZERO, type Pence, type PlacementState } from '@ledger/domain';
import { changedBetween, type Kept, type LedgerStreams } from '../kept-sums';
import { addPlacement, emptyFigures, type Figures, type PlacementFigures } from './figures';
import { byDateThenPlacement, sortReviewFlags, type Movement, type ReviewFlag } from './movements';

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
  changesTo(ledger: LedgerStreams, cheaply: boolean): number | undefined {
    return changedBetween(this.streams, ledger, cheaply)?.length;
  }

  /** Moves the sums on to `streams`; `partOf` gives an external placement's part (undefined for any other). */
  moveTo(ledger: LedgerStreams, partOf: (state: PlacementState) => PlacementPart | undefined): void {
    const { streams } = ledger;
    if (streams === this.streams) return;
    const changed = changedBetween(this.streams, ledger) as readonly string[];
    const gone: Movement[] = [];
    const arrived: Movement[] = [];
    let reviewsChanged = false;
    for (const id of changed) {
      const before = this.parts.get(id);
      const state = streams.get(id);
      const after = state === undefined ? undefined : partOf(state);
      if (before !== undefined) {
        this.add(before, -1);
        gone.push(...before.movements);
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
    if (gone.length > 0 || arrived.length > 0) this.movements = moved(this.movements, gone, arrived);
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
    ({ reviewsDue: this.reviewsDue, reviewsOverdue: this.reviewsOverdue } = sortReviewFlags([...streams.keys()].map((id) => this.parts.get(id)?.review)));
  }
}

/**
 * The sorted list without `gone` and with `arrived`. A few changes are spliced in by binary search
 * (a copy of the list, a few comparisons each); many are merged. Either way the order is the one a
 * stable sort of every placement's movements gives: ties are only ever within one placement.
 */
function moved(list: readonly Movement[], gone: readonly Movement[], arrived: Movement[]): Movement[] {
  const leaving = new Set(gone);
  if (gone.length + arrived.length > 64) {
    return merged(gone.length === 0 ? list : list.filter((m) => !leaving.has(m)), arrived.sort(byDateThenPlacement));
  }
  const out = [...list];
  for (const m of gone) {
    let i = lowerBound(out, m);
    while (i < out.length && out[i] !== m) i += 1;
    if (i < out.length) out.splice(i, 1);
  }
  for (const m of arrived) out.splice(upperBound(out, m), 0, m);
  return out;
}

function lowerBound(list: readonly Movement[], m: Movement): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byDateThenPlacement(list[mid], m) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(list: readonly Movement[], m: Movement): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byDateThenPlacement(list[mid], m) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

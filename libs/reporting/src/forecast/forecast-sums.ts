import { addPence, isExternal, pence, ZERO, type Pence, type PlacementState } from '@ledger/domain';
import { changedBetween, type Kept, type LedgerStreams } from '../kept-sums';
import type { Placed } from '../returns/build-return';
import { EvidenceSums, trendTermsKey, type Evidence, type TrendModel } from './trend-model';

/** One placement's part in a forecast that does not depend on the learned trend. */
export interface BasePart {
  readonly actualPence: Pence;
  readonly committedPence: Pence;
  readonly continuingPence: Pence;
  readonly evidence: Evidence;
}

/** Per cost centre: the sums of every basis, and how many placements are in them. */
export interface CentreSums { placements: number; actual: Pence; committed: Pence; continuing: Pence; trend: Pence }

const signed = (amount: Pence, sign: 1 | -1) => (sign === 1 ? amount : pence(-amount));

/**
 * A forecast's sums for one window (year, cut, as-of date) and one ledger, moved on by the placements
 * that changed. The trend basis depends on the extension terms learned from every placement: while a
 * write leaves them as they were, its sums move on like the others; when it moves them (a review, an
 * extension, an end), the trend basis is summed again over every placement.
 */
export class ForecastSums implements Kept {
  private streams: ReadonlyMap<string, PlacementState> = new Map();
  private readonly parts = new Map<string, { placed: Placed; base: BasePart; trend: Pence }>();
  private readonly evidence = new EvidenceSums();
  readonly centres = new Map<string, CentreSums>();
  model?: TrendModel;
  private trendKey = '';

  changesTo(ledger: LedgerStreams, cheaply: boolean): number | undefined {
    return changedBetween(this.streams, ledger, cheaply)?.length;
  }

  /** `trendFor` gives, for the learned terms (and their key), each placement's trend-basis cost still to come. */
  moveTo(ledger: LedgerStreams, baseOf: (p: Placed) => BasePart, trendFor: (model: TrendModel, key: string) => (p: Placed) => Pence): void {
    const { streams } = ledger;
    if (streams === this.streams && this.model !== undefined) return;
    const changed = changedBetween(this.streams, ledger) as readonly string[];
    const arrived: string[] = [];
    for (const id of changed) {
      const before = this.parts.get(id);
      if (before !== undefined) {
        this.addBase(before.placed, before.base, before.trend, -1);
        this.parts.delete(id);
      }
      const state = streams.get(id);
      if (state !== undefined && isExternal(state)) {
        const base = baseOf(state);
        this.addBase(state, base, ZERO, 1);
        this.parts.set(id, { placed: state, base, trend: ZERO });
        arrived.push(id);
      }
    }
    this.streams = streams;
    const model = this.evidence.model();
    const key = trendTermsKey(model);
    this.model = model;
    const trendOf = trendFor(model, key);
    if (key === this.trendKey) {
      for (const id of arrived) this.setTrend(id, trendOf(this.parts.get(id)!.placed));
      return;
    }
    this.trendKey = key;
    for (const centre of this.centres.values()) centre.trend = ZERO;
    for (const [id, part] of this.parts) {
      part.trend = ZERO;
      this.setTrend(id, trendOf(part.placed));
    }
  }

  private setTrend(id: string, trend: Pence): void {
    const part = this.parts.get(id)!;
    const centre = this.centres.get(part.placed.costCentre)!;
    centre.trend = addPence(addPence(centre.trend, signed(part.trend, -1)), trend);
    part.trend = trend;
  }

  private addBase(p: Placed, base: BasePart, trend: Pence, sign: 1 | -1): void {
    this.evidence.add(p, base.evidence, sign);
    const centre = this.centres.get(p.costCentre) ?? { placements: 0, actual: ZERO, committed: ZERO, continuing: ZERO, trend: ZERO };
    this.centres.set(p.costCentre, centre);
    centre.placements += sign;
    centre.actual = addPence(centre.actual, signed(base.actualPence, sign));
    centre.committed = addPence(centre.committed, signed(base.committedPence, sign));
    centre.continuing = addPence(centre.continuing, signed(base.continuingPence, sign));
    centre.trend = addPence(centre.trend, signed(trend, sign));
    if (centre.placements === 0) this.centres.delete(p.costCentre);
  }
}

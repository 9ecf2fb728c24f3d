import { START, type GlobalPosition, type StoredEvent } from '@ledger/event-store';
import { isFact, recordedAtOf } from './ledger-fold';

/** Facts per block whose last position is kept: a span read from the log covers at most two blocks more than it must. */
const BLOCK = 256;
/** Out-of-order stamps up to this many are inserted one by one; more, and the instants are sorted again. */
const INSERT_ONE_BY_ONE = 64;

/**
 * When each fact in the log was recorded, in the log's order, and the position of every `BLOCK`th:
 * what the reader needs to find the newest fact at or before an instant, and a stretch of the log
 * that holds the facts recorded between two instants, without a copy of the log. About 16 bytes a
 * fact (a position held for every fact cost about 250: a string made of several), and each stream's
 * newest instant, which tells whether a stream changed after an instant.
 */
export class FactTimes {
  private readonly recorded: number[] = [];
  /** The position of the last fact in each block of `BLOCK` facts, in the log's order. */
  private readonly blockEnds: GlobalPosition[] = [];
  /**
   * The same instants, for the newest-by search, ascending. A stamp earlier than the last (an import, a
   * benchmark that writes each placement's history in turn, a write behind another server's clock) waits
   * in `late` until the next search, which inserts a few in place or sorts once for many.
   */
  private ascending: number[] = [];
  /** Stamps earlier than the last in `ascending` when noted, waiting to be put in their places. */
  private late: number[] = [];
  /** Per stream, the newest instant among its facts noted. */
  private readonly newestOfStream = new Map<string, number>();

  add(events: readonly StoredEvent[]): void {
    for (const event of events) {
      if (!isFact(event)) continue;
      const at = recordedAtOf(event);
      this.blockEnds[Math.floor(this.recorded.length / BLOCK)] = event.position;
      this.recorded.push(at);
      if (at > (this.newestOfStream.get(event.streamId) ?? -Infinity)) this.newestOfStream.set(event.streamId, at);
      if (at < (this.ascending[this.ascending.length - 1] ?? -Infinity)) this.late.push(at);
      else this.ascending.push(at);
    }
  }

  /** The newest instant recorded among a stream's facts noted so far (undefined: none noted). */
  newestOf(streamId: string): number | undefined {
    return this.newestOfStream.get(streamId);
  }

  /** The streams with a fact recorded after `at`: those whose state as known at `at` is not their latest. */
  streamsRecordedAfter(at: number): string[] {
    const streams: string[] = [];
    for (const [streamId, newest] of this.newestOfStream) if (newest > at) streams.push(streamId);
    return streams;
  }

  /** The facts noted so far. */
  get count(): number {
    return this.recorded.length;
  }

  /** Whether any of the first `facts` facts in the log's order was recorded in `(from, to]`. */
  anyRecordedIn(from: number, to: number, facts: number): boolean {
    for (let i = 0; i < Math.min(facts, this.recorded.length); i++) if (this.recorded[i] > from && this.recorded[i] <= to) return true;
    return false;
  }

  /** The newest recorded instant at or before `at` (ms; 0 when none). */
  newestBy(at: number): number {
    this.settle();
    const index = upperBound(this.ascending, at) - 1;
    return index < 0 ? 0 : this.ascending[index];
  }

  /** Puts stamps that came out of order in their places: one by one when they are few (a write behind another server's clock), by one sort when many. */
  private settle(): void {
    if (this.late.length === 0) return;
    if (this.late.length <= INSERT_ONE_BY_ONE) {
      for (const at of this.late) this.ascending.splice(upperBound(this.ascending, at), 0, at);
    } else {
      this.ascending = Array.from(Float64Array.from([...this.ascending, ...this.late]).sort());
    }
    this.late = [];
  }

  /**
   * A stretch of the log holding every fact recorded in `(from, to]`: read after `after` up to and
   * including `through`, and keep the facts in that interval (it holds others too, at most two blocks'
   * worth). Undefined when there are none. Stamps are nearly in the log's order, not exactly (a skewed
   * clock, an import), so the span runs from the first such fact to the last.
   */
  span(from: number, to: number): { after: GlobalPosition; through: GlobalPosition } | undefined {
    let first = -1;
    let last = -1;
    for (let i = 0; i < this.recorded.length; i++) {
      const at = this.recorded[i];
      if (at > from && at <= to) {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) return undefined;
    const block = Math.floor(first / BLOCK);
    return { after: block === 0 ? START : this.blockEnds[block - 1], through: this.blockEnds[Math.floor(last / BLOCK)] };
  }
}

/** The first index whose value is greater than `value`. */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

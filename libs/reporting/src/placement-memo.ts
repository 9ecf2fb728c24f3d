/**
 * What a report works out for one placement over one window (a period, a year and an as-of date),
 * kept while that placement's state object lives. Ledger folds share the states a write leaves
 * alone, so after a write a report works out again only the placements the write touched. A state
 * never changes and each result is a pure function of the state and the window, so keeping one can
 * never change an answer; the windows kept are the most recently used few.
 */
export class PlacementMemo<T> {
  private readonly windows = new Map<string, WeakMap<object, T>>();

  constructor(private readonly windowsKept = 32) {}

  /** The memo for one window: call it with a placement's state and the work that gives its result. */
  window(key: string): (placement: object, work: () => T) => T {
    const memo = this.windows.get(key) ?? new WeakMap<object, T>();
    this.windows.delete(key);
    this.windows.set(key, memo);
    if (this.windows.size > this.windowsKept) this.windows.delete(this.windows.keys().next().value as string);
    return (placement, work) => {
      let result = memo.get(placement);
      if (result === undefined) {
        result = work();
        memo.set(placement, result);
      }
      return result;
    };
  }
}

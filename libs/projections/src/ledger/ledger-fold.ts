import {
  evolveBudget, evolvePlacement, initialBudgetState, initialPlacementState, parseStreamId, upcastBudgetEvent, upcastPlacementEvent, type BudgetState, type PlacementState,
} from '@ledger/domain';
import { START, type GlobalPosition, type StoredEvent } from '@ledger/event-store';
import type { LedgerAsAt } from './ledger-as-at';

interface Streams {
  readonly placements: Map<string, PlacementState>;
  readonly budgets: Map<string, BudgetState>;
}

/** The ledger's facts are its placements and budgets; issued reports are records about them, not facts. */
export const isFact = (event: StoredEvent): boolean => {
  const kind = parseStreamId(event.streamId)?.kind;
  return kind === 'placement' || kind === 'budget';
};

export const recordedAtOf = (event: StoredEvent): number => Date.parse(event.metadata.recordedAt);

/**
 * The ledger folded with the domain's own evolve, from the log up to some position. A fold never
 * changes: `extend` makes a new one that shares every state the later events leave alone, so a
 * placement untouched by a write keeps the same state object, and whatever the reports keep per
 * placement stays valid.
 */
export class LedgerFold {
  private view?: { placements: readonly PlacementState[] };

  private constructor(
    /** The last position of the log read into the fold. */
    readonly position: GlobalPosition,
    /** The newest recorded instant folded in (ms since the epoch; 0 when none). */
    readonly newest: number,
    private readonly streams: Streams,
    /** The folds this one was moved on from (held weakly) and the placements each move changed, newest last. */
    private readonly history: readonly Move[] = [],
  ) {}

  /** Folds pages of the log, in global order, keeping only the facts `include` admits. */
  static async build(pages: AsyncIterable<readonly StoredEvent[]>, include: (event: StoredEvent) => boolean = () => true): Promise<LedgerFold> {
    const streams: Streams = { placements: new Map(), budgets: new Map() };
    let position = START;
    let newest = 0;
    for await (const events of pages) {
      for (const event of events) {
        if (include(event) && applyFact(streams, event) !== undefined) newest = Math.max(newest, recordedAtOf(event));
        position = event.position;
      }
    }
    return new LedgerFold(position, newest, { ...streams, placements: byKey(streams.placements) });
  }

  /** Folds later events of the log (in global order) into a new fold. */
  extend(events: readonly StoredEvent[]): LedgerFold {
    if (events.length === 0) return this;
    const streams: Streams = { placements: new Map(this.streams.placements), budgets: new Map(this.streams.budgets) };
    let newest = this.newest;
    const added: string[] = [];
    const changed = new Set<string>();
    for (const event of events) {
      const known = streams.placements.has(event.streamId);
      const kind = applyFact(streams, event);
      if (kind === undefined) continue;
      if (kind === 'placement') {
        if (!known) added.push(event.streamId);
        changed.add(event.streamId);
      }
      newest = Math.max(newest, recordedAtOf(event));
    }
    const position = events[events.length - 1].position;
    const move: Move = { from: new WeakRef(this.streams.placements), changed: [...changed] };
    const history = [...this.history.slice(1 - MOVES_KEPT), move];
    return new LedgerFold(position, newest, added.length === 0 ? streams : { ...streams, placements: mergedInOrder(streams.placements, added) }, history);
  }

  /** The fold as the returns read it, stamped with the instant asked about. */
  at(asAt: Date): LedgerAsAt {
    this.view ??= { placements: [...this.streams.placements.values()] };
    return {
      asAt: asAt.toISOString(), placements: this.view.placements, budgets: this.streams.budgets, streams: this.streams.placements,
      changedSince: (earlier) => this.changedSince(earlier),
    };
  }

  private changedSince(earlier: ReadonlyMap<string, PlacementState>): readonly string[] | undefined {
    if (earlier === this.streams.placements) return [];
    const changed = new Set<string>();
    for (let i = this.history.length - 1; i >= 0; i--) {
      for (const id of this.history[i].changed) changed.add(id);
      if (this.history[i].from.deref() === earlier) return [...changed];
    }
    return undefined;
  }
}

/** One move of a fold: from which placements map, and the streams whose state it changed. */
interface Move {
  readonly from: WeakRef<ReadonlyMap<string, PlacementState>>;
  readonly changed: readonly string[];
}

/** Moves remembered: a report's sums more than this many writes behind compare every placement instead. */
const MOVES_KEPT = 64;

/** Placements in stream id order, however the fold was made: the order every report lists them in. */
function byKey<V>(map: Map<string, V>): Map<string, V> {
  return new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The map in key order, when all but `added` were in order already: a merge, not a sort. */
function mergedInOrder<V>(map: Map<string, V>, added: string[]): Map<string, V> {
  const fresh = new Set(added);
  const incoming = [...fresh].sort();
  const merged = new Map<string, V>();
  let next = 0;
  for (const [key, value] of map) {
    if (fresh.has(key)) continue;
    while (next < incoming.length && incoming[next] < key) merged.set(incoming[next], map.get(incoming[next++]) as V);
    merged.set(key, value);
  }
  while (next < incoming.length) merged.set(incoming[next], map.get(incoming[next++]) as V);
  return merged;
}

/** Folds one event in when it is a fact, and says which kind of stream it belonged to (undefined: not a fact). */
function applyFact(streams: Streams, event: StoredEvent): 'placement' | 'budget' | undefined {
  const stream = parseStreamId(event.streamId);
  if (stream?.kind === 'placement') {
    const evolved = upcastPlacementEvent(event.type, event.version, event.data);
    streams.placements.set(event.streamId, evolvePlacement(streams.placements.get(event.streamId) ?? initialPlacementState, evolved));
    return 'placement';
  }
  if (stream?.kind === 'budget') {
    const evolved = upcastBudgetEvent(event.type, event.version, event.data);
    streams.budgets.set(stream.financialYear, evolveBudget(streams.budgets.get(stream.financialYear) ?? initialBudgetState, evolved));
    return 'budget';
  }
  return undefined;
}

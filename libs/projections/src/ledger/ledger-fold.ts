import {
  evolveBudget, evolvePlacement, initialBudgetState, initialPlacementState, parseStreamId, upcastBudgetEvent, upcastPlacementEvent, type BudgetState, type PlacementState,
} from '@ledger/domain';
import { START, type GlobalPosition, type StoredEvent } from '@ledger/event-store';
import type { LedgerAsAt } from './ledger-as-at';
import { OrderedChunks } from './ordered-chunks';

interface Streams {
  readonly placements: OrderedChunks<PlacementState>;
  readonly budgets: ReadonlyMap<string, BudgetState>;
}

/** The streams a run of events changed, looked up before the fold they are moving on. */
interface Changes {
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

  /**
   * Folds pages of the log, in global order, keeping only the facts `include` admits. A stream that
   * `reuse` names (every one of its facts is admitted, and `reuse.fold` has read them all) takes that
   * fold's state as it is instead of folding its events again: a fold as known at an earlier instant
   * then shares with the latest every placement nothing was recorded for since, and so does every
   * report's work kept for it.
   */
  static async build(
    pages: AsyncIterable<readonly StoredEvent[]>, include: (event: StoredEvent) => boolean = () => true, reuse?: Reuse,
  ): Promise<LedgerFold> {
    const changes: Changes = { placements: new Map(), budgets: new Map() };
    const none: Streams = { placements: OrderedChunks.of([]), budgets: new Map() };
    let position = START;
    let newest = 0;
    for await (const events of pages) {
      for (const event of events) {
        position = event.position;
        if (!include(event)) continue;
        const reused = reuse?.takes(event.streamId) === true ? reuse.fold.streams : undefined;
        if (applyFact(none, changes, event, reused) !== undefined) newest = Math.max(newest, recordedAtOf(event));
      }
    }
    return new LedgerFold(position, newest, { placements: OrderedChunks.of(changes.placements), budgets: changes.budgets });
  }

  /** A fold made of states read, not folded: `position` is the last of the log they account for. */
  static of(position: GlobalPosition, newest: number, placements: Iterable<readonly [string, PlacementState]>, budgets: ReadonlyMap<string, BudgetState>): LedgerFold {
    return new LedgerFold(position, newest, { placements: OrderedChunks.of(placements), budgets });
  }

  /**
   * Folds later events of the log (in global order) into a new fold; `through`, when given, is the last
   * position read (later than the last event when the reader left some out, as a fold as known at an
   * instant does).
   */
  extend(events: readonly StoredEvent[], through?: GlobalPosition): LedgerFold {
    if (events.length === 0) return through === undefined || through === this.position ? this : new LedgerFold(through, this.newest, this.streams, this.history);
    const changes: Changes = { placements: new Map(), budgets: new Map() };
    let newest = this.newest;
    for (const event of events) {
      if (applyFact(this.streams, changes, event) !== undefined) newest = Math.max(newest, recordedAtOf(event));
    }
    const position = through ?? events[events.length - 1].position;
    const move: Move = { from: new WeakRef(this.streams.placements), changed: [...changes.placements.keys()] };
    const history = [...this.history.slice(1 - MOVES_KEPT), move];
    const budgets = changes.budgets.size === 0 ? this.streams.budgets : new Map([...this.streams.budgets, ...changes.budgets]);
    return new LedgerFold(position, newest, { placements: this.streams.placements.with(changes.placements), budgets }, history);
  }

  /** The fold as the returns read it, stamped with the instant asked about. */
  at(asAt: Date): LedgerAsAt {
    const listed = () => (this.view ??= { placements: [...this.streams.placements.values()] }).placements;
    return {
      asAt: asAt.toISOString(), budgets: this.streams.budgets, streams: this.streams.placements,
      // Listed only when a report reads every placement; sums kept per window read only what changed.
      get placements() {
        return listed();
      },
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

/** A fold whose states `build` may take as they are, for the streams `takes` names. */
export interface Reuse {
  readonly fold: LedgerFold;
  takes(streamId: string): boolean;
}

/** One move of a fold: from which placements map, and the streams whose state it changed. */
interface Move {
  readonly from: WeakRef<ReadonlyMap<string, PlacementState>>;
  readonly changed: readonly string[];
}

/** Moves remembered: a report's sums more than this many writes behind compare every placement instead. */
const MOVES_KEPT = 64;

/**
 * Folds one event into `changes` when it is a fact, starting from the state in `changes` or else in
 * `streams`, and says which kind of stream it belonged to (undefined: not a fact). With `reused`, a
 * fold that has read all of the stream's facts, its state is taken as it is instead.
 */
function applyFact(streams: Streams, changes: Changes, event: StoredEvent, reused?: Streams): 'placement' | 'budget' | undefined {
  const stream = parseStreamId(event.streamId);
  if (stream?.kind === 'placement') {
    const taken = reused?.placements.get(event.streamId);
    const state = changes.placements.get(event.streamId) ?? streams.placements.get(event.streamId) ?? initialPlacementState;
    changes.placements.set(event.streamId, taken ?? evolvePlacement(state, upcastPlacementEvent(event.type, event.version, event.data)));
    return 'placement';
  }
  if (stream?.kind === 'budget') {
    const taken = reused?.budgets.get(stream.financialYear);
    const state = changes.budgets.get(stream.financialYear) ?? streams.budgets.get(stream.financialYear) ?? initialBudgetState;
    changes.budgets.set(stream.financialYear, taken ?? evolveBudget(state, upcastBudgetEvent(event.type, event.version, event.data)));
    return 'budget';
  }
  return undefined;
}

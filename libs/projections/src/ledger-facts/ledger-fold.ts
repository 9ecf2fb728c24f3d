import {
  evolveBudget, evolvePlacement, initialBudgetState, initialPlacementState, parseStreamId, upcastBudgetEvent, upcastPlacementEvent, type BudgetState, type PlacementState,
} from '@ledger/domain';
import type { LedgerAsAt } from './ledger-as-at';

/** One row of `ledger_facts` as the folds read it. */
export interface FactRow {
  readonly seq: string | number;
  readonly stream_id: string;
  readonly revision: number;
  readonly event_type: string;
  readonly event_version: number;
  readonly data: unknown;
  readonly recorded_at: Date | string;
}

interface Streams {
  readonly placements: Map<string, PlacementState>;
  readonly budgets: Map<string, BudgetState>;
  readonly revisions: Map<string, number>;
}

/**
 * The ledger folded with the domain's own evolve up to some fact. A fold never changes: `extend`
 * makes a new one that shares every state the later facts leave alone, so a placement untouched by
 * a write keeps the same state object, and whatever the reports keep per placement stays valid.
 */
export class LedgerFold {
  private view?: { placements: readonly PlacementState[] };

  private constructor(
    /** The highest `ledger_facts.seq` folded in. */
    readonly seq: number,
    /** The newest recorded instant folded in (ms since the epoch; 0 when none). */
    readonly newest: number,
    private readonly streams: Streams,
  ) {}

  static empty(): LedgerFold {
    return new LedgerFold(0, 0, { placements: new Map(), budgets: new Map(), revisions: new Map() });
  }

  /** Folds pages of rows, in stream and revision order, into one fold. */
  static async build(pages: AsyncIterable<readonly FactRow[]>): Promise<LedgerFold> {
    const streams: Streams = { placements: new Map(), budgets: new Map(), revisions: new Map() };
    let seq = 0;
    let newest = 0;
    for await (const rows of pages) {
      for (const row of rows) {
        applyFact(streams, row);
        seq = Math.max(seq, Number(row.seq));
        newest = Math.max(newest, new Date(row.recorded_at).getTime());
      }
    }
    return new LedgerFold(seq, newest, { ...streams, placements: byKey(streams.placements) });
  }

  /**
   * Folds later facts (in the order recorded) into a new fold. Undefined when one does not follow its
   * stream's last revision: the read models were rebuilt underneath, and only a fresh fold is right.
   */
  extend(rows: readonly FactRow[]): LedgerFold | undefined {
    if (rows.length === 0) return this;
    const streams: Streams = { placements: new Map(this.streams.placements), budgets: new Map(this.streams.budgets), revisions: new Map(this.streams.revisions) };
    let { seq, newest } = this;
    const known = streams.placements.size;
    for (const row of rows) {
      if (row.revision !== (streams.revisions.get(row.stream_id) ?? -1) + 1) return undefined;
      applyFact(streams, row);
      seq = Math.max(seq, Number(row.seq));
      newest = Math.max(newest, new Date(row.recorded_at).getTime());
    }
    return new LedgerFold(seq, newest, streams.placements.size === known ? streams : { ...streams, placements: byKey(streams.placements) });
  }

  /** The fold as the returns read it, stamped with the instant asked about. */
  at(asAt: Date): LedgerAsAt {
    this.view ??= { placements: [...this.streams.placements.values()] };
    return { asAt: asAt.toISOString(), placements: this.view.placements, budgets: this.streams.budgets, streams: this.streams.placements };
  }
}

/** Placements in stream id order, however the fold was made: the order every report lists them in. */
function byKey<V>(map: Map<string, V>): Map<string, V> {
  return new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function applyFact(streams: Streams, row: FactRow): void {
  streams.revisions.set(row.stream_id, row.revision);
  const stream = parseStreamId(row.stream_id);
  if (stream?.kind === 'placement') {
    const event = upcastPlacementEvent(row.event_type, row.event_version, row.data);
    streams.placements.set(row.stream_id, evolvePlacement(streams.placements.get(row.stream_id) ?? initialPlacementState, event));
  } else if (stream?.kind === 'budget') {
    const event = upcastBudgetEvent(row.event_type, row.event_version, row.data);
    streams.budgets.set(stream.financialYear, evolveBudget(streams.budgets.get(stream.financialYear) ?? initialBudgetState, event));
  }
}

import type { BudgetState, PlacementState } from '@ledger/domain';
import { START, type EventStore, type GlobalPosition, type StoredEvent } from '@ledger/event-store';
import { isFact, LedgerFold, recordedAtOf } from './ledger-fold';

/** The ledger as it was known at an instant: every placement's state and every year's budgets. */
export interface LedgerAsAt {
  readonly asAt: string;
  readonly placements: readonly PlacementState[];
  readonly budgets: ReadonlyMap<string, BudgetState>;
  /** The same placements by stream id, for replaying later facts onto them. */
  readonly streams?: ReadonlyMap<string, PlacementState>;
  /**
   * The stream ids whose state differs between an earlier ledger's `streams` and these, when the
   * earlier one is among the last few this was moved on from; undefined otherwise (compare them all).
   */
  readonly changedSince?: (earlier: ReadonlyMap<string, PlacementState>) => readonly string[] | undefined;
}

/** One recorded fact, as the forecast's movement replays it. */
export interface LedgerFact {
  readonly streamId: string;
  readonly recordedAt: string;
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
}

/**
 * Events per round trip when reading the log: a fold never holds more of it than this at once. A page
 * is alive while the driver parses it, so a larger one survives the young generation's collections and
 * is promoted: at 20,000 placements, pages of 5,000 spent a third of a fold in garbage collection and
 * doubled the process's peak; pages of 1,000 cost more round trips but fold faster.
 */
export const LOG_PAGE = 1_000;

/** The log in pages after `after`, up to and including `through` when given. */
export async function* logPages(store: EventStore, after: GlobalPosition = START, through?: GlobalPosition): AsyncGenerator<readonly StoredEvent[]> {
  let from = after;
  for (;;) {
    const page = await store.readAll({ from, limit: LOG_PAGE });
    const kept = through === undefined ? page : page.filter((e) => e.position <= through);
    if (kept.length > 0) yield kept;
    if (page.length < LOG_PAGE || kept.length < page.length) return;
    from = page[page.length - 1].position;
  }
}

/** Every fact recorded by `asAt`, folded with the domain's evolve: the same state the decider saw. */
export function foldLedgerAsAt(store: EventStore, asAt: Date): Promise<LedgerFold> {
  const cut = asAt.getTime();
  return LedgerFold.build(logPages(store), (event) => recordedAtOf(event) <= cut);
}

/** The ledger as known at `asAt`, folded afresh from the log (the reader keeps folds; this is for one-off reads). */
export async function loadLedgerAsAt(store: EventStore, asAt: Date): Promise<LedgerAsAt> {
  return (await foldLedgerAsAt(store, asAt)).at(asAt);
}

/** The facts recorded in `(from, to]` within a span of the log, in the order recorded. */
export async function factsRecordedBetween(store: EventStore, from: Date, to: Date, span: { after: GlobalPosition; through: GlobalPosition } | undefined): Promise<LedgerFact[]> {
  if (span === undefined) return [];
  const facts: (LedgerFact & { at: number; position: GlobalPosition })[] = [];
  for await (const page of logPages(store, span.after, span.through)) {
    for (const event of page) {
      const at = recordedAtOf(event);
      if (!isFact(event) || at <= from.getTime() || at > to.getTime()) continue;
      facts.push({ streamId: event.streamId, recordedAt: new Date(at).toISOString(), type: event.type, version: event.version, data: event.data, at, position: event.position });
    }
  }
  // As recorded; the log's order breaks ties between facts recorded at the same instant.
  facts.sort((a, b) => a.at - b.at || (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  return facts.map(({ at: _at, position: _position, ...fact }) => fact);
}

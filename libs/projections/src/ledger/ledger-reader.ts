import { budgetStreamId, parseStreamId } from '@ledger/domain';
import { START, type EventStore, type GlobalPosition, type SqlDatabase, type StoredEvent } from '@ledger/event-store';
import { statesKnownAt } from '../recorded-history/states-known-at';
import { FactTimes } from './fact-times';
import { factsRecordedBetween, logPages, type LedgerAsAt, type LedgerFact } from './ledger-as-at';
import { isFact, LedgerFold, recordedAtOf } from './ledger-fold';

/** Folds kept for instants before the newest fact: "as at" last week's report and a past asAt, say. */
const EARLIER_FOLDS = 2;
/** Events folded in at once when catching up (an import): the placements map is copied once per chunk. */
const EXTEND_CHUNK = 50_000;

/**
 * Reads the ledger as known at an instant, from the log itself: there is no copy of the log in a
 * read model to rebuild.
 *
 * The latest state is folded once and then moved on by the events appended since, so a write costs
 * the placements it touched, not the ledger: the new fold shares every other state. It serves every
 * instant from the newest fact on ("as at now").
 *
 * An instant before the newest fact (a past asAt, last week's report, or facts stamped ahead of
 * this server's clock) is served by a fold of the facts recorded by then, kept while no fact
 * recorded by then arrives: a fact stamped later, as new facts are, leaves it valid. Given the read
 * models' database, that fold is read from the rows over recorded time (`recorded-history`) for the
 * streams that changed since the instant, and shares every other stream's state with the latest fold.
 */
/** A fold as known at an instant, and how many of the log's facts lay at or before its position when it was made. */
interface EarlierFold { readonly fold: LedgerFold; readonly facts: number }

export class LedgerReader {
  private latest?: { fold: LedgerFold; trigger: GlobalPosition; facts: number };
  private syncing?: { trigger: GlobalPosition; fold: Promise<LedgerFold> };
  private readonly times = new FactTimes();
  /** By the newest recorded instant they hold, most recently used last. */
  private readonly earlier = new Map<number, EarlierFold>();

  /** `position` moves when there may be more to read: the projector's, which follows every append. */
  constructor(
    private readonly store: EventStore,
    private readonly position: () => GlobalPosition,
    /** The read models' database, whose rows over recorded time give a past instant without a scan of the log. */
    private readonly history?: SqlDatabase,
  ) {}

  async at(asAt: Date): Promise<LedgerAsAt> {
    const latest = await this.synced();
    if (asAt.getTime() >= latest.newest) return latest.at(asAt);
    const pivot = this.times.newestBy(asAt.getTime());
    const kept = this.earlier.get(pivot) ?? await this.movedOn(pivot) ?? await this.foldedAt(pivot);
    this.earlier.delete(pivot);
    this.earlier.set(pivot, kept);
    for (const stale of [...this.earlier.keys()].slice(0, Math.max(0, this.earlier.size - EARLIER_FOLDS))) this.earlier.delete(stale);
    return kept.fold.at(asAt);
  }

  /**
   * Every fact recorded by `pivot`, folded from the log up to the latest fold's position. A stream with
   * nothing recorded after `pivot` is as the latest fold has it, so that state is shared, not folded
   * again: a past instant costs the memory of the placements that changed since, not a second ledger.
   */
  private async foldedAt(pivot: number): Promise<EarlierFold> {
    const { fold: latest, facts } = this.latest as NonNullable<LedgerReader['latest']>;
    const read = await this.readAt(pivot, latest);
    if (read !== undefined) return { fold: read, facts };
    const reuse = { fold: latest, takes: (streamId: string) => (this.times.newestOf(streamId) ?? Infinity) <= pivot };
    return { fold: await LedgerFold.build(logPages(this.store, START, latest.position), (event) => recordedAtOf(event) <= pivot, reuse), facts };
  }

  /**
   * The ledger as known at `pivot`, read from the rows over recorded time for the streams with a fact
   * recorded since (every other stream is as the latest fold has it). The rows may lag the latest fold:
   * the facts between, stamped by `pivot`, are folded onto them. Undefined when the rows cannot say, or
   * hold a fact beyond the latest fold stamped by `pivot` (the caller folds from the log).
   */
  private async readAt(pivot: number, latest: LedgerFold): Promise<LedgerFold | undefined> {
    if (this.history === undefined) return undefined;
    const changed = this.times.streamsRecordedAfter(pivot);
    const { streams, budgets } = latest.at(new Date(pivot));
    // A part unchanged since is the latest fold's own, shared with it rather than read and parsed again.
    const stateOf = (streamId: string): object | undefined => {
      const stream = parseStreamId(streamId);
      return stream?.kind === 'budget' ? budgets.get(stream.financialYear) : streams?.get(streamId);
    };
    const known = await statesKnownAt(this.history, pivot, changed, { position: latest.position, stateOf });
    if (known === undefined) return undefined;
    const moved = new Set(changed);
    const behind = known.through < latest.position;
    const [from, to] = behind ? [known.through, latest.position] : [latest.position, known.through];
    // Behind: the rows' streams miss these facts (the latest fold holds them for every other stream).
    // Ahead: the rows hold facts the latest fold and its times have not seen; any stamped by `pivot` spoils them.
    const between: StoredEvent[] = [];
    if (from !== to) {
      for await (const page of logPages(this.store, from, to)) {
        for (const event of page) {
          if (isFact(event) && recordedAtOf(event) <= pivot && (!behind || moved.has(event.streamId))) between.push(event);
        }
      }
    }
    if (!behind && between.length > 0) return undefined;
    const kept = [...(streams ?? [])].filter(([streamId]) => !moved.has(streamId));
    const keptBudgets = [...budgets].filter(([year]) => !moved.has(budgetStreamId(year)));
    const fold = LedgerFold.of(latest.position, pivot, [...kept, ...known.placements], new Map([...keptBudgets, ...known.budgets]));
    return fold.extend(between, latest.position);
  }

  /**
   * A kept fold as known at an earlier instant, moved on to `pivot` by the facts recorded between the
   * two that were appended after it: what a write does while the newest fact is stamped ahead of the
   * clock (another server's clock, an import), so that case costs the write, not a fold of the log.
   * Undefined when a fact recorded between the two lies among those the kept fold already read past
   * (it would have to be folded in before them): the caller folds afresh.
   */
  private async movedOn(pivot: number): Promise<EarlierFold | undefined> {
    const { fold: latest, facts } = this.latest as NonNullable<LedgerReader['latest']>;
    const from = Math.max(-Infinity, ...[...this.earlier.keys()].filter((at) => at < pivot));
    const kept = this.earlier.get(from);
    if (kept === undefined || this.times.anyRecordedIn(from, pivot, kept.facts)) return undefined;
    const later: StoredEvent[] = [];
    for await (const page of logPages(this.store, kept.fold.position, latest.position)) {
      for (const event of page) if (recordedAtOf(event) <= pivot) later.push(event);
    }
    // The fold moved on replaces the one it came from, so "now" moving on write by write does not push out
    // the folds kept for other instants (a past asAt, last week's report).
    this.earlier.delete(from);
    return { fold: kept.fold.extend(later, latest.position), facts };
  }

  /** The facts recorded in `(from, to]`, in the order recorded, read from the part of the log that holds them. */
  async factsBetween(from: Date, to: Date): Promise<LedgerFact[]> {
    await this.synced();
    return factsRecordedBetween(this.store, from, to, this.times.span(from.getTime(), to.getTime()));
  }

  /**
   * The latest fold, moved on to the end of the log. Syncs run one at a time, and a caller who sees
   * a later position than the running sync waits for a sync of its own (read-your-writes).
   */
  private synced(): Promise<LedgerFold> {
    const trigger = this.position();
    if (this.latest !== undefined && this.latest.trigger === trigger) return Promise.resolve(this.latest.fold);
    if (this.syncing?.trigger === trigger) return this.syncing.fold;
    const after = this.syncing?.fold.catch(() => undefined) ?? Promise.resolve(undefined);
    const syncing = { trigger, fold: after.then(() => this.sync(trigger)) };
    this.syncing = syncing;
    void syncing.fold.finally(() => { if (this.syncing === syncing) this.syncing = undefined; }).catch(() => undefined);
    return syncing.fold;
  }

  private async sync(trigger: GlobalPosition): Promise<LedgerFold> {
    if (this.latest?.trigger === trigger) return this.latest.fold;
    const current = this.latest?.fold;
    // The first fold is built in one pass; later events are gathered and folded in at once, so the
    // placements map is copied once per sync, not once per page.
    const pages = logPages(this.store, current?.position);
    const fold = current === undefined ? await LedgerFold.build(this.timed(pages)) : await this.extended(current, this.timed(pages));
    this.latest = { fold, trigger, facts: this.times.count };
    return fold;
  }

  private async extended(current: LedgerFold, pages: AsyncIterable<readonly StoredEvent[]>): Promise<LedgerFold> {
    let fold = current;
    let later: StoredEvent[] = [];
    let earliest = Infinity;
    for await (const page of pages) {
      for (const event of page) earliest = Math.min(earliest, recordedAtOf(event));
      later.push(...page);
      if (later.length >= EXTEND_CHUNK) [fold, later] = [fold.extend(later), []];
    }
    // A fact recorded at or before an earlier fold's instant (a skewed clock, an import) changes that fold.
    for (const pivot of [...this.earlier.keys()]) if (earliest <= pivot) this.earlier.delete(pivot);
    return fold.extend(later);
  }

  /** The pages as read, each noted in the fact times on the way. */
  private async *timed(pages: AsyncIterable<readonly StoredEvent[]>): AsyncGenerator<readonly StoredEvent[]> {
    for await (const page of pages) {
      this.times.add(page);
      yield page;
    }
  }
}

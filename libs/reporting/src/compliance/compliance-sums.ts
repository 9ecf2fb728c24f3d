import type { PlacementState } from '@ledger/domain';
import { indexIn } from '@ledger/projections';
import { changedBetween, type Kept, type LedgerStreams } from '../kept-sums';

/** The counts a compliance report adds up over placements. */
export const COUNTS = ['external', 'withPriorSearch', 'metInHouse', 'withdrawn', 'onTime', 'late', 'overdue'] as const;
export type Counts = Record<(typeof COUNTS)[number], number>;

/** One placement's part in a compliance report for one window: its counts and its rows in each list. */
export interface CompliancePart<Lists> {
  readonly counts: Partial<Counts>;
  readonly rows?: { readonly [K in keyof Lists]: Lists[K] };
}

/**
 * A compliance report's counts and lists for one ledger (`streams`), kept per window and moved on by
 * the placements whose state changed: counts by difference; lists, in the ledger's placement order,
 * by splicing out a changed placement's rows and splicing in its new ones (made again in one pass
 * when many placements changed). Lists are replaced, never changed in place, so an answer already
 * given keeps its own.
 */
export class ComplianceSums<Lists extends Record<string, unknown[]>> implements Kept {
  private streams: ReadonlyMap<string, PlacementState> = new Map();
  private readonly parts = new Map<string, CompliancePart<Lists>>();
  readonly counts: Counts = { external: 0, withPriorSearch: 0, metInHouse: 0, withdrawn: 0, onTime: 0, late: 0, overdue: 0 };
  /**
   * The lists and, row for row, the stream each row came from (absent when the ledger's order is not
   * id order, which splicing by binary search needs); absent until first asked for.
   */
  private made?: { readonly lists: Lists; readonly owners?: Record<keyof Lists, readonly string[]> };

  constructor(private readonly empty: () => Lists) {}

  changesTo(ledger: LedgerStreams, cheaply: boolean): number | undefined {
    return changedBetween(this.streams, ledger, cheaply)?.length;
  }

  moveTo(ledger: LedgerStreams, partOf: (state: PlacementState) => CompliancePart<Lists>): void {
    const { streams } = ledger;
    if (streams === this.streams) return;
    const changed = changedBetween(this.streams, ledger) as readonly string[];
    if (changed.length > SPLICED_AT_MOST) this.made = undefined;
    for (const id of changed) {
      const before = this.parts.get(id);
      const state = streams.get(id);
      const after = state === undefined ? undefined : partOf(state);
      if (before !== undefined) this.count(before, -1);
      if (after !== undefined) this.count(after, 1);
      if (this.made !== undefined && (before?.rows !== undefined || after?.rows !== undefined)) this.splice(id, after?.rows);
      if (after === undefined) this.parts.delete(id);
      else this.parts.set(id, after);
    }
    this.streams = streams;
  }

  /** Every list, in the ledger's placement order. */
  lists(): Lists {
    this.made ??= this.make();
    return this.made.lists;
  }

  private make(): NonNullable<ComplianceSums<Lists>['made']> {
    const lists = this.empty();
    const owners = Object.fromEntries(Object.keys(lists).map((key) => [key, [] as string[]])) as Record<keyof Lists, string[]>;
    let previous = '';
    let ordered = true;
    for (const id of this.streams.keys()) {
      ordered &&= previous < id;
      previous = id;
      const rows = this.parts.get(id)?.rows;
      if (rows === undefined) continue;
      for (const key of Object.keys(rows) as (keyof Lists)[]) {
        lists[key].push(...rows[key]);
        for (let i = 0; i < rows[key].length; i++) owners[key].push(id);
      }
    }
    return ordered ? { lists, owners } : { lists };
  }

  /** Replaces the rows of stream `id` in every list by `rows` (none when undefined). */
  private splice(id: string, rows: CompliancePart<Lists>['rows']): void {
    if (this.made?.owners === undefined) {
      this.made = undefined;
      return;
    }
    const lists = { ...this.made.lists };
    const owners = { ...this.made.owners };
    for (const key of Object.keys(lists) as (keyof Lists)[]) {
      const fresh = rows?.[key] ?? [];
      const from = indexIn(owners[key], id);
      let to = from;
      while (to < owners[key].length && owners[key][to] === id) to++;
      // Most writes (a rate change, say) leave a placement's rows as they were: then no list is copied.
      if (sameRows(lists[key], from, to, fresh)) continue;
      lists[key] = replaced(lists[key], from, to, fresh) as Lists[keyof Lists];
      owners[key] = replaced(owners[key], from, to, fresh.map(() => id));
    }
    this.made = { lists, owners };
  }

  private count(part: CompliancePart<Lists>, sign: 1 | -1): void {
    for (const key of COUNTS) this.counts[key] += sign * (part.counts[key] ?? 0);
  }
}

/** Changed placements spliced into the lists one by one; more than this and the lists are made again in one pass. */
const SPLICED_AT_MOST = 64;

/** Whether `list[from, to)` holds rows equal to `rows`, field by field. */
function sameRows(list: readonly unknown[], from: number, to: number, rows: readonly unknown[]): boolean {
  if (to - from !== rows.length) return false;
  return rows.every((row, i) => shallowEqual(list[from + i], row));
}

function shallowEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

/** A copy of `list` with `[from, to)` replaced by `rows`: one copy, not three. */
function replaced<T>(list: readonly T[], from: number, to: number, rows: readonly T[]): T[] {
  const copy = list.slice();
  copy.splice(from, to - from, ...rows);
  return copy;
}

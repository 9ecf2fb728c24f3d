/**
 * A stream's state as rows: its `head` (every field that is neither a list nor an object, and the names of
 * those that are), one part per object field (the placement's request and provider, item -1) and one part
 * per element of each list, by index. Taking a state apart and putting it together again gives
 * an equal state, so the rows current at an instant hold the state as known then (`recorded-history`).
 *
 * A write that appends to one list changes one part (and the head when a field beside the lists moved),
 * so a stream's rows grow with its events, not with the square of them.
 */

/** One part of a state: where it sits, its JSON, and the business dates it holds over, where it has them. */
export interface StatePart {
  readonly body: string;
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

/** The head's own keys for the names of the state's lists and of its object fields. */
const LISTS = '$lists';
const OBJECTS = '$objects';
/** The item of a part that is a whole field, not a list's element. */
const WHOLE = -1;
export const HEAD = 'head';

type Fields = Readonly<Record<string, unknown>>;

/** A part's place in its state: `head`, or a list's name and an index in it. */
export interface PartKey { readonly part: string; readonly item: number }

export const partKey = (part: string, item: number): string => `${part}/${item}`;

/** The dates from which, and until which, a list's element holds (a rate from its effective date, say). */
const BUSINESS_DATES: Readonly<Record<string, (element: Fields) => readonly [unknown, unknown?]>> = {
  rates: (e) => [e.effectiveFrom],
  jointFunding: (e) => [e.effectiveFrom],
  extensions: (e) => [e.previousTermEnd, e.newTermEnd],
  searches: (e) => [e.searchedOn],
  reviews: (e) => [e.reviewedOn],
};

const dateOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function elementPart(list: string, element: unknown): StatePart {
  const dates = typeof element === 'object' && element !== null ? BUSINESS_DATES[list]?.(element as Fields) : undefined;
  return { body: JSON.stringify(element), validFrom: dateOrNull(dates?.[0]), validTo: dateOrNull(dates?.[1]) };
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);

function headPart(state: Fields): StatePart {
  const head: Record<string, unknown> = {};
  const lists: string[] = [];
  const objects: string[] = [];
  for (const [field, value] of Object.entries(state)) {
    if (Array.isArray(value)) lists.push(field);
    else if (isObject(value)) objects.push(field);
    else head[field] = value;
  }
  head[LISTS] = lists;
  head[OBJECTS] = objects;
  // A placement holds from its first day charged (or met in-house) until the day it ended.
  return { body: JSON.stringify(head), validFrom: dateOrNull(state.startDate), validTo: dateOrNull(state.endDate) };
}

/**
 * The parts of `state` that differ from those of `previous` (its state before the event), by key: a part
 * whose value is the same object in both is left out without being written out again. `removed` lists
 * the keys `previous` had that `state` has not (a list that shrank).
 */
export function changedParts(previous: Fields | undefined, state: Fields): { changed: Map<string, StatePart>; removed: string[] } {
  const changed = new Map<string, StatePart>();
  const removed: string[] = [];
  // The head moves with a field beside the lists and objects, or with which fields are lists or objects.
  const headMoved = previous === undefined || Object.keys(state).length !== Object.keys(previous).length
    || Object.entries(state).some(([field, value]) => {
      if (Array.isArray(value)) return !Array.isArray(previous[field]);
      if (isObject(value)) return !isObject(previous[field]);
      return previous[field] !== value;
    });
  if (headMoved) changed.set(partKey(HEAD, 0), headPart(state));
  for (const [field, value] of Object.entries(state)) {
    if (isObject(value)) {
      if (previous?.[field] !== value) changed.set(partKey(field, WHOLE), { body: JSON.stringify(value), validFrom: null, validTo: null });
      continue;
    }
    if (!Array.isArray(value)) continue;
    const before = previous?.[field];
    if (before === value) continue;
    const earlier: readonly unknown[] = Array.isArray(before) ? before : [];
    value.forEach((element, i) => { if (earlier[i] !== element) changed.set(partKey(field, i), elementPart(field, element)); });
    for (let i = value.length; i < earlier.length; i++) removed.push(partKey(field, i));
  }
  if (previous !== undefined) {
    for (const [field, before] of Object.entries(previous)) {
      if (isObject(before) && !isObject(state[field])) removed.push(partKey(field, WHOLE));
      if (!Array.isArray(before) || Array.isArray(state[field])) continue;
      before.forEach((_, i) => removed.push(partKey(field, i)));
    }
  }
  return { changed, removed };
}

/** The state the parts make, given each part's key and parsed body; undefined when there is no head. */
export function assembleState<S>(parts: Iterable<readonly [PartKey, unknown]>): S | undefined {
  let head: Fields | undefined;
  const lists = new Map<string, unknown[]>();
  const objects = new Map<string, unknown>();
  for (const [{ part, item }, body] of parts) {
    if (part === HEAD) head = body as Fields;
    else if (item === WHOLE) objects.set(part, body);
    else {
      const list = lists.get(part) ?? [];
      list[item] = body;
      lists.set(part, list);
    }
  }
  if (head === undefined) return undefined;
  const { [LISTS]: names, [OBJECTS]: objectNames = [], ...fields } = head;
  const state: Record<string, unknown> = { ...fields };
  for (const name of objectNames as readonly string[]) state[name] = objects.get(name);
  for (const name of names as readonly string[]) state[name] = lists.get(name) ?? [];
  return state as S;
}

/** A state's own object field or list element at a part's place, to share rather than parse again; undefined when absent. */
export function sharedPart(state: object, part: string, item: number): { value: unknown } | undefined {
  const field = (state as Fields)[part];
  if (item === WHOLE) return isObject(field) ? { value: field } : undefined;
  return Array.isArray(field) && item < field.length ? { value: field[item] } : undefined;
}

/** Splits a part's key back into its list and index. */
export function parsePartKey(key: string): PartKey {
  const slash = key.lastIndexOf('/');
  return { part: key.slice(0, slash), item: Number(key.slice(slash + 1)) };
}

/** Rows of parts as read, grouped by stream, ready for `assembleState`. */
export function partsByStream(rows: Iterable<{ stream_id: string; part: string; item: number; body: unknown }>): Map<string, [PartKey, unknown][]> {
  const parts = new Map<string, [PartKey, unknown][]>();
  for (const row of rows) {
    const list = parts.get(row.stream_id) ?? [];
    list.push([{ part: row.part, item: row.item }, row.body]);
    parts.set(row.stream_id, list);
  }
  return parts;
}

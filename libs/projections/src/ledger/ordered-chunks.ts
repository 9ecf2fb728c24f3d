/** Entries per chunk once built; a chunk that grows past twice this splits in two. */
const CHUNK = 256;

interface Chunk<V> {
  readonly keys: readonly string[];
  readonly values: readonly V[];
}

const byKey = <V>([a]: readonly [string, V], [b]: readonly [string, V]): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A map kept in key order that is never changed: `with` makes a new one that shares every chunk the
 * updates leave alone. Moving a fold of 20,000 placements on by one write copies one chunk of a few
 * hundred entries and the list of chunks, not the whole map, so a write leaves little garbage behind.
 */
export class OrderedChunks<V> implements ReadonlyMap<string, V> {
  private constructor(private readonly chunks: readonly Chunk<V>[], readonly size: number) {}

  static of<V>(entries: Iterable<readonly [string, V]>): OrderedChunks<V> {
    const sorted = [...entries].sort(byKey);
    return new OrderedChunks(chunksOf(sorted), sorted.length);
  }

  /** A new map with `updates` set (added in key order, or replacing the value under the same key). */
  with(updates: ReadonlyMap<string, V>): OrderedChunks<V> {
    if (updates.size === 0) return this;
    const incoming = [...updates].sort(byKey);
    const chunks = [...this.chunks];
    let size = this.size;
    // Right to left, so the chunk indexes still to visit do not move when a chunk splits.
    for (let end = incoming.length; end > 0;) {
      const at = this.chunkFor(incoming[end - 1][0]);
      let start = end - 1;
      while (start > 0 && this.chunkFor(incoming[start - 1][0]) === at) start--;
      const merged = mergeInto(chunks[at] ?? { keys: [], values: [] }, incoming.slice(start, end));
      size += merged.added;
      chunks.splice(at, chunks[at] === undefined ? 0 : 1, ...merged.chunks);
      end = start;
    }
    return new OrderedChunks(chunks, size);
  }

  get(key: string): V | undefined {
    const chunk = this.chunks[this.chunkFor(key)];
    if (chunk === undefined) return undefined;
    const i = indexIn(chunk.keys, key);
    return chunk.keys[i] === key ? chunk.values[i] : undefined;
  }

  has(key: string): boolean {
    const chunk = this.chunks[this.chunkFor(key)];
    return chunk !== undefined && chunk.keys[indexIn(chunk.keys, key)] === key;
  }

  *entries(): MapIterator<[string, V]> {
    for (const chunk of this.chunks) for (let i = 0; i < chunk.keys.length; i++) yield [chunk.keys[i], chunk.values[i]];
  }

  *keys(): MapIterator<string> {
    for (const chunk of this.chunks) yield* chunk.keys;
  }

  *values(): MapIterator<V> {
    for (const chunk of this.chunks) yield* chunk.values;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  /** The chunk a key lives in or would go into: the last whose first key is not after it (0 when none is). */
  private chunkFor(key: string): number {
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.chunks[mid].keys[0] <= key) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** Where `key` is, or would go, in sorted `keys`: the first index whose key is not before it. */
export function indexIn(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (keys[mid] < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** One chunk with sorted updates merged in, split when it has grown too long. */
function mergeInto<V>(chunk: Chunk<V>, updates: readonly (readonly [string, V])[]): { chunks: Chunk<V>[]; added: number } {
  const entries: (readonly [string, V])[] = [];
  let added = 0;
  let next = 0;
  const addBefore = (key?: string) => {
    for (; next < updates.length && (key === undefined || updates[next][0] < key); next++) {
      entries.push(updates[next]);
      added++;
    }
  };
  for (let i = 0; i < chunk.keys.length; i++) {
    addBefore(chunk.keys[i]);
    if (next < updates.length && updates[next][0] === chunk.keys[i]) entries.push(updates[next++]);
    else entries.push([chunk.keys[i], chunk.values[i]]);
  }
  addBefore();
  return { chunks: entries.length > 2 * CHUNK ? chunksOf(entries) : [chunkOf(entries)], added };
}

function chunksOf<V>(sorted: readonly (readonly [string, V])[]): Chunk<V>[] {
  const chunks: Chunk<V>[] = [];
  for (let i = 0; i < sorted.length; i += CHUNK) chunks.push(chunkOf(sorted.slice(i, i + CHUNK)));
  return chunks;
}

function chunkOf<V>(entries: readonly (readonly [string, V])[]): Chunk<V> {
  return { keys: entries.map(([key]) => key), values: entries.map(([, value]) => value) };
}

import fc from 'fast-check';
import { OrderedChunks } from './ordered-chunks';

/** What OrderedChunks must equal: a plain map, read in key order. */
const sortedEntries = (map: ReadonlyMap<string, number>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const key = fc.integer({ min: 0, max: 3_000 }).map((n) => `placement-${String(n).padStart(5, '0')}`);
const batch = fc.array(fc.tuple(key, fc.integer()), { maxLength: 700 });

describe('OrderedChunks, the fold\'s placements by stream id', () => {
  it('equals a plain map moved on by the same updates, in key order, and leaves every earlier map as it was', () => {
    fc.assert(fc.property(batch, fc.array(batch, { maxLength: 6 }), (initial, moves) => {
      let expected = new Map(initial);
      let chunks = OrderedChunks.of(expected);
      for (const move of moves) {
        const before = { chunks, entries: [...chunks] };
        const updates = new Map(move);
        expected = new Map([...expected, ...updates]);
        chunks = chunks.with(updates);
        expect([...before.chunks]).toEqual(before.entries);
      }
      expect([...chunks]).toEqual(sortedEntries(expected));
      expect([...chunks.keys()]).toEqual(sortedEntries(expected).map(([k]) => k));
      expect(chunks.size).toBe(expected.size);
      for (const [k, v] of expected) {
        expect(chunks.get(k)).toBe(v);
        expect(chunks.has(k)).toBe(true);
      }
      expect(chunks.get('placement-99999')).toBeUndefined();
      expect(chunks.has('a key before every other')).toBe(false);
    }), { numRuns: 200 });
  });

  it('returns itself for no updates, and finds keys before the first and after the last chunk', () => {
    const chunks = OrderedChunks.of(Array.from({ length: 1_000 }, (_, i) => [`m${String(i).padStart(4, '0')}`, i] as const));
    expect(chunks.with(new Map())).toBe(chunks);
    const moved = chunks.with(new Map([['a', -1], ['z', 1_000], ['m0500', 5]]));
    expect(moved.get('a')).toBe(-1);
    expect(moved.get('z')).toBe(1_000);
    expect(moved.get('m0500')).toBe(5);
    expect(chunks.get('m0500')).toBe(500);
    expect([...moved.keys()][0]).toBe('a');
    expect([...moved.values()].at(-1)).toBe(1_000);
    expect(moved.size).toBe(1_002);
    const seen: string[] = [];
    moved.forEach((_, k) => seen.push(k));
    expect(seen).toEqual([...moved.keys()]);
  });
});

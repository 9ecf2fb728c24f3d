import fc from 'fast-check';
import { placementStreamId, weeklyReportStreamId } from '@ledger/domain';
import { START, type StoredEvent } from '@ledger/event-store';
import { FactTimes } from './fact-times';

const position = (i: number) => String(i + 1).padStart(12, '0');

/** A log of facts (and, every seventh event, a report that is not one) recorded at the given instants. */
function log(instants: readonly number[]): StoredEvent[] {
  return instants.map((at, i) => ({
    eventId: `e${i}`, type: 'PlacementRateChanged', version: 1, data: {}, streamRevision: 0, position: position(i),
    streamId: i % 7 === 6 ? weeklyReportStreamId('2026-11-23') : placementStreamId(`p${i % 40}`),
    metadata: { actorId: 'a', actorRole: 'commissioner', recordedAt: new Date(at).toISOString(), correlationId: 'c', causationId: 'c' },
  }));
}

describe('FactTimes, when each fact was recorded', () => {
  it('spans every fact recorded in (from, to], whatever the order of the stamps, and finds the newest fact by an instant', () => {
    const instant = fc.integer({ min: 0, max: 10_000 }).map((s) => 1_700_000_000_000 + s * 1000);
    // Stamps mostly in the log's order (as recorded), or in any order (an import, a skewed clock).
    const stamps = fc.tuple(fc.array(instant, { maxLength: 1_500, size: 'max' }), fc.boolean()).map(([list, inOrder]) => (inOrder ? [...list].sort((x, y) => x - y) : list));
    fc.assert(fc.property(stamps, instant, instant, (instants, a, b) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      const events = log(instants);
      const times = new FactTimes();
      // Added in pages, as the reader does.
      for (let i = 0; i < events.length; i += 300) times.add(events.slice(i, i + 300));
      const facts = events.filter((_, i) => i % 7 !== 6);
      const inside = facts.filter((e) => Date.parse(e.metadata.recordedAt) > from && Date.parse(e.metadata.recordedAt) <= to);
      const span = times.span(from, to);
      if (inside.length === 0) expect(span).toBeUndefined();
      else {
        expect(span).toBeDefined();
        const { after, through } = span as { after: string; through: string };
        for (const e of inside) expect(e.position > after && e.position <= through).toBe(true);
        expect(after === START || events.some((e) => e.position === after)).toBe(true);
      }
      const newest = Math.max(0, ...facts.map((e) => Date.parse(e.metadata.recordedAt)).filter((at) => at <= to));
      expect(times.newestBy(to)).toBe(newest);
    }), { numRuns: 60, endOnFailure: true });
  });

  it('puts a few stamps that arrive out of order in their places, search by search', () => {
    const times = new FactTimes();
    const minute = (m: number) => 1_700_000_000_000 + m * 60_000;
    times.add(log([10, 20, 30, 600].map(minute)));
    expect(times.newestBy(minute(100))).toBe(minute(30));
    // Writes behind the newest stamp (another server's clock ahead), one at a time, each searched after.
    times.add(log([40].map(minute)));
    expect(times.newestBy(minute(100))).toBe(minute(40));
    times.add(log([25, 50].map(minute)));
    expect(times.newestBy(minute(26))).toBe(minute(25));
    expect(times.newestBy(minute(100))).toBe(minute(50));
    expect(times.newestBy(minute(700))).toBe(minute(600));
    // Many at once (an import) are sorted in one go, with the same answers.
    times.add(log(Array.from({ length: 200 }, (_, i) => minute(599 - i))));
    expect(times.newestBy(minute(450))).toBe(minute(450));
    // Every seventh event of a log() is a report, not a fact: 200 events hold 172 facts.
    expect(times.count).toBe(4 + 1 + 2 + 172);
  });
});

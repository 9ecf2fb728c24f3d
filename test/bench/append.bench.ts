import { randomUUID } from 'node:crypto';
import type { EventStore, ExpectedRevision, NewEvent } from '@ledger/event-store';
import { percentile } from './machine';

export interface AppendFigures {
  readonly label: string;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** What an append benchmark drives: the ledger's store or the peer's, with the same events. */
export interface Appender {
  append(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[]): Promise<unknown>;
}

/** What a scan benchmark drives: the log read in pages after a position. */
export interface PageReader {
  readPage(after: string | undefined, limit: number): Promise<{ count: number; last?: string }>;
}

export const ledgerPages = (store: EventStore): PageReader => ({
  async readPage(after, limit) {
    const page = await store.readAll({ from: after, limit });
    return { count: page.length, last: page[page.length - 1]?.position };
  },
});

const metadata = {
  actorId: 'bench', actorRole: 'commissioner', recordedAt: '2026-11-23T10:00:00.000Z', correlationId: 'bench', causationId: 'bench',
};

function event(i: number): NewEvent {
  return {
    eventId: randomUUID(), type: 'PlacementRateChanged', version: 1, metadata,
    data: { placementId: `p${i}`, effectiveFrom: '2026-12-07', weeklyRatePence: 95_000 + i, previousWeeklyRatePence: 95_000, reason: 'uplift' },
  };
}

/**
 * `writers` concurrent loops, each appending `perAppend` events at a time to its own streams
 * (a new stream every 10 appends, as placements are), with the expected revision checked.
 */
export async function measureAppends(store: Appender, label: string, options: { appends: number; writers: number; perAppend: number }): Promise<AppendFigures> {
  const latencies: number[] = [];
  const run = randomUUID().slice(0, 8);
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: options.writers }, async (_, writer) => {
    for (let i = 0; i < options.appends / options.writers; i++) {
      const stream = `bench${run}-${writer}x${Math.floor(i / 10)}`;
      const revision = (i % 10) * options.perAppend - 1;
      const events = Array.from({ length: options.perAppend }, (__, k) => event(i * options.perAppend + k));
      const t0 = process.hrtime.bigint();
      await store.append(stream, revision < 0 ? 'no-stream' : revision, events);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const events = options.appends * options.perAppend;
  return {
    label, events, seconds, eventsPerSecond: events / seconds,
    p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99),
  };
}

/** Reads the whole log in pages and parses it: the ceiling a rebuild can approach. */
export async function measureScan(store: PageReader): Promise<{ events: number; eventsPerSecond: number }> {
  const started = process.hrtime.bigint();
  let from: string | undefined;
  let events = 0;
  for (;;) {
    const page = await store.readPage(from, 5000);
    if (page.count === 0) break;
    events += page.count;
    from = page.last;
  }
  return { events, eventsPerSecond: events / (Number(process.hrtime.bigint() - started) / 1e9) };
}

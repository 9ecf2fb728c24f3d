import * as fs from 'node:fs';
import * as readline from 'node:readline';
import type { EventStore, NewEvent, StoredEvent } from '@ledger/event-store';

/** One line of the NDJSON event log: enough to append the event again, ids and metadata intact. */
interface LogLine {
  readonly streamId: string;
  readonly streamRevision: number;
  readonly eventId: string;
  readonly type: string;
  readonly version: number;
  readonly data: Record<string, unknown>;
  readonly metadata: NewEvent['metadata'];
}

/** Writes every event in global order as NDJSON; returns how many. */
export async function exportEventLog(store: EventStore, output: NodeJS.WritableStream): Promise<number> {
  let from: string | undefined;
  let count = 0;
  for (;;) {
    const batch: readonly StoredEvent[] = await store.readAll({ from, limit: 1000 });
    if (batch.length === 0) return count;
    const text = batch.map((e) => JSON.stringify({
      streamId: e.streamId, streamRevision: e.streamRevision, eventId: e.eventId, type: e.type,
      version: e.version, data: e.data, metadata: e.metadata,
    } satisfies LogLine)).join('\n');
    if (!output.write(`${text}\n`)) await new Promise((resolve) => output.once('drain', resolve));
    count += batch.length;
    from = batch[batch.length - 1].position;
  }
}

/**
 * Appends an exported log to a store. Consecutive events of one stream go in one append at the
 * revision they had, so importing the same file twice appends nothing the second time.
 */
export async function importEventLog(store: EventStore, file: string): Promise<{ events: number; appends: number; appended?: number; skipped?: number }> {
  const before = await store.countEvents();
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let pending: LogLine[] = [];
  let events = 0;
  let appends = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const first = pending[0].streamRevision;
    await store.append(pending[0].streamId, first === 0 ? 'no-stream' : first - 1, pending.map(({ eventId, type, version, data, metadata }) => ({ eventId, type, version, data, metadata })));
    events += pending.length;
    appends += 1;
    pending = [];
  };
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber += 1;
    if (raw.trim() === '') continue;
    let line: LogLine;
    try {
      line = JSON.parse(raw) as LogLine;
    } catch {
      throw new Error(`${file}:${lineNumber} is not a JSON line`);
    }
    if (typeof line.streamId !== 'string' || !Number.isInteger(line.streamRevision) || typeof line.eventId !== 'string') {
      throw new Error(`${file}:${lineNumber} lacks streamId, streamRevision or eventId`);
    }
    const last = pending[pending.length - 1];
    if (last !== undefined && (last.streamId !== line.streamId || last.streamRevision + 1 !== line.streamRevision || pending.length >= 500)) await flush();
    pending.push(line);
  }
  await flush();
  const after = await store.countEvents();
  // Events already in the store (a second import) are acknowledged by the store but not written again.
  if (before === undefined || after === undefined) return { events, appends };
  return { events, appends, appended: after - before, skipped: events - (after - before) };
}

import {
  ANY, BACKWARDS, END, EventStoreDBClient, excludeSystemEvents, FORWARDS, jsonEvent, NO_STREAM, START as ESDB_START,
  StreamNotFoundError, WrongExpectedVersionError, type AllStreamResolvedEvent, type Position, type ResolvedEvent,
} from '@eventstore/db-client';
import {
  DuplicateEventIdError, START, WrongExpectedRevisionError,
  type AppendResult, type BatchHandler, type EventStore, type ExpectedRevision, type GlobalPosition, type NewEvent,
  type ReadAllOptions, type ReadStreamResult, type StoredEvent, type SubscribeOptions, type Subscription,
} from '../event-store.port';
import { Wakeup } from '../sql/wakeup';

/** Positions in $all are (commit, prepare); zero-padded so string order is log order. */
const toPosition = (p: Position): GlobalPosition => `${p.commit.toString().padStart(20, '0')}:${p.prepare.toString().padStart(20, '0')}`;
function fromPosition(position: GlobalPosition): Position | typeof ESDB_START {
  if (position === START) return ESDB_START;
  const match = /^(\d{20}):(\d{20})$/.exec(position);
  if (match === null) throw new RangeError(`"${position}" is not an EventStoreDB position`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

/** The schema version rides in the metadata: EventStoreDB has no field for it. */
const VERSION_KEY = '$ledgerVersion';
const PAGE = 500;
const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;

/** Ours, or undefined for `$`-system events, links and binary events. Revisions become numbers here. */
function toStored(resolved: ResolvedEvent | AllStreamResolvedEvent): StoredEvent | undefined {
  const event = resolved.event;
  if (event === undefined || !event.isJson || event.streamId.startsWith('$') || event.type.startsWith('$')) return undefined;
  const { [VERSION_KEY]: version, ...metadata } = (event.metadata ?? {}) as Record<string, unknown>;
  return {
    eventId: event.id, type: event.type, version: Number(version ?? 1), data: event.data as Record<string, unknown>,
    metadata: metadata as unknown as StoredEvent['metadata'], streamId: event.streamId, streamRevision: Number(event.revision),
    position: event.position ? toPosition(event.position) : START,
  };
}

/** Thrown out of the subscription loop so a failing handler is not taken for a lost connection. */
class HandlerFailed {
  constructor(readonly cause: unknown) {}
}

/**
 * EventStoreDB (and KurrentDB) through @eventstore/db-client: the only folder that imports the
 * client, so a move to @kurrent/kurrentdb-client (`expectedRevision` becomes `streamState`) stays here.
 * Unlike the SQL stores, EventStoreDB does not refuse an event id already used in another stream.
 */
export class EventStoreDbStore implements EventStore {
  readonly kind = 'eventstoredb';
  private constructor(private readonly client: EventStoreDBClient) {}

  static async open(connectionString: string): Promise<EventStoreDbStore> {
    const store = new EventStoreDbStore(EventStoreDBClient.connectionString(connectionString));
    await store.ping();
    return store;
  }

  async append(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[]): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    const expectedRevision = expected === 'any' ? ANY : expected === 'no-stream' ? NO_STREAM : BigInt(expected);
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((e) => jsonEvent({ id: e.eventId, type: e.type, data: e.data as Record<string, unknown>, metadata: { ...e.metadata, [VERSION_KEY]: e.version } })),
        { expectedRevision },
      );
      const nextRevision = Number(result.nextExpectedRevision);
      return { nextRevision, position: result.position ? toPosition(result.position) : await this.positionOf(streamId, result.nextExpectedRevision) };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // The server answers a repeat of the same ids at the same place as a success; a conflict
      // where the ids are already in the stream means they were appended at another place.
      const existing = await this.readStream(streamId);
      const repeated = existing.events.find((e) => events.some((n) => n.eventId === e.eventId));
      if (repeated !== undefined) throw new DuplicateEventIdError(repeated.eventId, { cause: error });
      const actual = error.actualVersion === NO_STREAM ? -1 : Number(error.actualVersion);
      throw new WrongExpectedRevisionError(streamId, expected, actual);
    }
  }

  async readStream(streamId: string): Promise<ReadStreamResult> {
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { direction: FORWARDS, fromRevision: ESDB_START })) {
        const stored = toStored(resolved);
        if (stored) events.push(stored);
      }
    } catch (error) {
      // Thrown while iterating, not by readStream() itself.
      if (error instanceof StreamNotFoundError) return { revision: -1, events: [] };
      throw error;
    }
    return { revision: events.length === 0 ? -1 : events[events.length - 1].streamRevision, events };
  }

  /** Pages through $all until `limit` of our events are found: system events do not count. */
  async readAll(options: ReadAllOptions = {}): Promise<readonly StoredEvent[]> {
    const limit = options.limit ?? 1000;
    const events: StoredEvent[] = [];
    let from = options.from ?? START;
    for (;;) {
      let seen = 0;
      let last = from;
      // fromPosition is inclusive: the event at `from` itself comes back first and is skipped.
      for await (const resolved of this.client.readAll({ direction: FORWARDS, fromPosition: fromPosition(from), maxCount: PAGE })) {
        seen++;
        if (resolved.event?.position) last = toPosition(resolved.event.position);
        const stored = toStored(resolved);
        if (stored && stored.position > from) events.push(stored);
        if (events.length >= limit) return events;
      }
      if (seen < PAGE || last === from) return events;
      from = last;
    }
  }

  async headPosition(): Promise<GlobalPosition> {
    let from: Position | typeof END = END;
    for (;;) {
      let seen = 0;
      for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: PAGE })) {
        seen++;
        const stored = toStored(resolved);
        if (stored) return stored.position;
        if (resolved.event?.position) from = resolved.event.position;
      }
      if (seen < PAGE) return START;
    }
  }

  /**
   * Catches up by reading pages, then follows live with a subscription (one event per handler call).
   * The client never resubscribes by itself: a lost subscription is restarted with backoff from the
   * last position delivered. A handler that throws stops the subscription and goes to `onError`.
   */
  subscribe(handler: BatchHandler, options: SubscribeOptions & { onError?: (cause: unknown) => void } = {}): Subscription {
    const wakeup = new Wakeup();
    let stopped = false;
    let current: { unsubscribe(): Promise<void> } | undefined;
    const deliver = async (batch: readonly StoredEvent[]) => {
      try {
        await handler(batch);
      } catch (cause) {
        throw new HandlerFailed(cause);
      }
    };
    const loop = (async () => {
      let from = options.from ?? START;
      let backoffMs = MIN_BACKOFF_MS;
      while (!stopped) {
        try {
          for (let batch = await this.readAll({ from, limit: options.batchSize ?? PAGE }); batch.length > 0 && !stopped;
            batch = await this.readAll({ from, limit: options.batchSize ?? PAGE })) {
            await deliver(batch);
            from = batch[batch.length - 1].position;
          }
          if (stopped) break;
          const subscription = this.client.subscribeToAll({ fromPosition: fromPosition(from), filter: excludeSystemEvents() });
          current = subscription;
          for await (const resolved of subscription) {
            if (stopped) break;
            backoffMs = MIN_BACKOFF_MS;
            const stored = toStored(resolved);
            if (stored === undefined || stored.position <= from) continue;
            await deliver([stored]);
            from = stored.position;
          }
        } catch (error) {
          if (error instanceof HandlerFailed) {
            stopped = true;
            options.onError?.(error.cause);
            break;
          }
          if (stopped) break;
          await wakeup.wait(backoffMs);
          backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
        } finally {
          await current?.unsubscribe().catch(() => undefined);
          current = undefined;
        }
      }
    })();
    return {
      stop: async () => {
        stopped = true;
        wakeup.notify();
        await current?.unsubscribe().catch(() => undefined);
        await loop;
      },
    };
  }

  /** $all has no cheap count; progress is shown without a total. */
  async countEvents(): Promise<undefined> {
    return undefined;
  }

  async ping(): Promise<void> {
    for await (const _ of this.client.readAll({ direction: FORWARDS, fromPosition: ESDB_START, maxCount: 1 })) break;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** Position of the event at `revision` of the stream, for an append the server answered without one. */
  private async positionOf(streamId: string, revision: bigint): Promise<GlobalPosition> {
    for await (const resolved of this.client.readStream(streamId, { direction: FORWARDS, fromRevision: revision, maxCount: 1 })) {
      if (resolved.event?.position) return toPosition(resolved.event.position);
    }
    return this.headPosition();
  }
}

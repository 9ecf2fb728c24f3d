import {
  ANY, EventStoreDBClient, excludeSystemEvents, FORWARDS, jsonEvent, NO_STREAM, START as ESDB_START,
  StreamNotFoundError, WrongExpectedVersionError, type AllStreamResolvedEvent, type Position, type ResolvedEvent,
} from '@eventstore/db-client';
import {
  DuplicateEventIdError, START, WrongExpectedRevisionError,
  type AppendResult, type BatchHandler, type EventStore, type ExpectedRevision, type GlobalPosition, type NewEvent,
  type ReadAllOptions, type ReadStreamResult, type StoredEvent, type SubscribeOptions, type Subscription,
} from '../event-store.port';

/** Positions in $all are (commit, prepare); zero-padded so string order is log order. */
const toPosition = (p: Position): GlobalPosition => `${p.commit.toString().padStart(20, '0')}:${p.prepare.toString().padStart(20, '0')}`;
function fromPosition(position: GlobalPosition): Position | typeof ESDB_START {
  if (position === START) return ESDB_START;
  const [commit, prepare] = position.split(':');
  return { commit: BigInt(commit), prepare: BigInt(prepare) };
}

/** The schema version rides in the metadata: EventStoreDB has no column for it. */
const VERSION_KEY = '$ledgerVersion';

function toStored(resolved: ResolvedEvent | AllStreamResolvedEvent): StoredEvent | undefined {
  const event = resolved.event;
  if (event === undefined || !event.isJson || event.streamId.startsWith('$') || event.type.startsWith('$')) return undefined;
  const { [VERSION_KEY]: version, ...metadata } = (event.metadata ?? {}) as Record<string, unknown>;
  const position = 'position' in event && event.position ? toPosition(event.position) : START;
  return {
    eventId: event.id, type: event.type, version: Number(version ?? 1), data: event.data as Record<string, unknown>,
    metadata: metadata as unknown as StoredEvent['metadata'], streamId: event.streamId, streamRevision: Number(event.revision), position,
  };
}

/** EventStoreDB / KurrentDB through @eventstore/db-client; the only folder that imports the client. */
export class EventStoreDbStore implements EventStore {
  readonly kind = 'eventstoredb';
  private constructor(private readonly client: EventStoreDBClient) {}

  static async open(connectionString: string): Promise<EventStoreDbStore> {
    const store = new EventStoreDbStore(EventStoreDBClient.connectionString(connectionString));
    await store.ping();
    return store;
  }

  async append(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[]): Promise<AppendResult> {
    const expectedRevision = expected === 'any' ? ANY : expected === 'no-stream' ? NO_STREAM : BigInt(expected);
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((e) => jsonEvent({ id: e.eventId, type: e.type, data: e.data as Record<string, unknown>, metadata: { ...e.metadata, [VERSION_KEY]: e.version } })),
        { expectedRevision },
      );
      return { nextRevision: Number(result.nextExpectedRevision), position: result.position ? toPosition(result.position) : await this.headPosition() };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion === NO_STREAM ? -1 : Number(error.actualVersion);
        // The server treats a repeat of the same event ids at the same place as a success; a
        // mismatch where the ids already exist means they were appended elsewhere.
        const existing = await this.readStream(streamId);
        if (existing.events.some((e) => events.some((n) => n.eventId === e.eventId))) {
          throw new DuplicateEventIdError(events[0].eventId, { cause: error });
        }
        throw new WrongExpectedRevisionError(streamId, expected, actual);
      }
      throw error;
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
      if (error instanceof StreamNotFoundError) return { revision: -1, events: [] };
      throw error;
    }
    return { revision: events.length === 0 ? -1 : events[events.length - 1].streamRevision, events };
  }

  async readAll(options: ReadAllOptions = {}): Promise<readonly StoredEvent[]> {
    const limit = options.limit ?? 1000;
    const from = options.from ?? START;
    const events: StoredEvent[] = [];
    // fromPosition is inclusive in EventStoreDB: read one more and drop the start itself.
    for await (const resolved of this.client.readAll({ direction: FORWARDS, fromPosition: fromPosition(from), maxCount: BigInt(limit + 1) })) {
      const stored = toStored(resolved);
      if (stored && stored.position > from) events.push(stored);
      if (events.length >= limit) break;
    }
    return events;
  }

  async headPosition(): Promise<GlobalPosition> {
    for await (const resolved of this.client.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 50n })) {
      const stored = toStored(resolved);
      if (stored) return stored.position;
    }
    return START;
  }

  /**
   * The client never resubscribes by itself: this loop does, with backoff, from the last position
   * delivered, and batches what arrives so the handler can checkpoint once per batch.
   */
  subscribe(handler: BatchHandler, options: SubscribeOptions & { onError?: (cause: unknown) => void } = {}): Subscription {
    let stopped = false;
    let current: { unsubscribe(): Promise<void> } | undefined;
    const loop = (async () => {
      let from = options.from ?? START;
      let backoffMs = 250;
      while (!stopped) {
        try {
          // Catch up by reading, then follow live with a subscription.
          for (let batch = await this.readAll({ from, limit: options.batchSize ?? 500 }); batch.length > 0 && !stopped;
            batch = await this.readAll({ from, limit: options.batchSize ?? 500 })) {
            await handler(batch);
            from = batch[batch.length - 1].position;
          }
          const subscription = this.client.subscribeToAll({ fromPosition: fromPosition(from), filter: excludeSystemEvents() });
          current = subscription;
          for await (const resolved of subscription) {
            if (stopped) break;
            const stored = toStored(resolved);
            if (stored === undefined || stored.position <= from) continue;
            await handler([stored]);
            from = stored.position;
            backoffMs = 250;
          }
        } catch (error) {
          if (stopped) break;
          await new Promise((resolve) => setTimeout(resolve, backoffMs));
          backoffMs = Math.min(backoffMs * 2, 10_000);
          if (backoffMs >= 10_000) options.onError?.(error);
        }
      }
    })();
    return {
      stop: async () => {
        stopped = true;
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
    for await (const _ of this.client.readAll({ direction: FORWARDS, fromPosition: ESDB_START, maxCount: 1n })) break;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

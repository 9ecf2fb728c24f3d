/**
 * The one port every event store adapter implements (embedded PGlite, PostgreSQL, EventStoreDB).
 * Business code sees only these types; no adapter type leaks past this file.
 */

/** Who did it, when it was recorded, and the chain of cause it belongs to. */
export interface EventMetadata {
  readonly actorId: string;
  readonly actorRole: string;
  /** Instant the ledger recorded the event (ISO 8601 with offset), set at the edge by the clock. */
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly idempotencyKey?: string;
  readonly [extra: string]: unknown;
}

/** An event about to be appended. `eventId` makes the append idempotent. */
export interface NewEvent {
  readonly eventId: string;
  /** Stored name, a string literal such as `PlacementCommissioned`; never a class name. */
  readonly type: string;
  /** Schema version of `data`; old versions are upcast when read. */
  readonly version: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: EventMetadata;
}

/**
 * A position in the store's single global order. Opaque to callers but totally ordered by plain
 * string comparison (adapters zero-pad their components), so `a < b` means "a came first".
 * `START` is before every event.
 */
export type GlobalPosition = string;
export const START: GlobalPosition = '';

export interface StoredEvent extends NewEvent {
  readonly streamId: string;
  /** 0-based revision of this event within its stream. */
  readonly streamRevision: number;
  readonly position: GlobalPosition;
}

/**
 * What the appender believes the stream's current revision is:
 * `'no-stream'` (it must not exist), `'any'` (no check), or the revision of its last event.
 */
export type ExpectedRevision = 'no-stream' | 'any' | number;

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  readonly nextRevision: number;
  /** Global position of the last event written (or already present, for an idempotent repeat). */
  readonly position: GlobalPosition;
}

export interface ReadStreamResult {
  /** -1 when the stream does not exist. */
  readonly revision: number;
  readonly events: readonly StoredEvent[];
}

export interface ReadAllOptions {
  /** Exclusive: only events after this position. */
  readonly from?: GlobalPosition;
  readonly limit?: number;
}

export interface SubscribeOptions {
  /** Exclusive: delivery starts with the first event after this position. */
  readonly from?: GlobalPosition;
  readonly batchSize?: number;
}

/** A running subscription; `stop()` resolves once no handler call is in flight. */
export interface Subscription {
  stop(): Promise<void>;
}

/**
 * Called with batches in global order. Delivery of the next batch waits for the returned
 * promise, so a handler that stores its checkpoint with the batch gets exactly-once effect.
 * A handler that throws stops the subscription; `onError` receives the cause.
 */
export type BatchHandler = (events: readonly StoredEvent[]) => Promise<void>;

export interface EventStore {
  /** Short adapter name for logs and `/health`: `embedded`, `postgres`, `eventstoredb`. */
  readonly kind: string;
  /**
   * Appends atomically. Throws {@link WrongExpectedRevisionError} on a revision mismatch.
   * Appending the same event ids again at the same place is a no-op that returns the first result.
   */
  append(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[]): Promise<AppendResult>;
  readStream(streamId: string): Promise<ReadStreamResult>;
  /** Events in global order. Only events whose writers have committed *and* that can no longer be
   * preceded by a still-running writer are returned, so a reader never skips one. */
  readAll(options?: ReadAllOptions): Promise<readonly StoredEvent[]>;
  /** Position of the newest event visible to `readAll` (`START` when empty). */
  headPosition(): Promise<GlobalPosition>;
  subscribe(handler: BatchHandler, options?: SubscribeOptions & { onError?: (cause: unknown) => void }): Subscription;
  /** How many events the store holds, when it can tell cheaply (for progress bars); else undefined. */
  countEvents(): Promise<number | undefined>;
  /** Liveness probe for `/health`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  readonly code = 'wrong-expected-revision';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at revision ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** The same event id was appended before with a different stream or position. */
export class DuplicateEventIdError extends Error {
  readonly code = 'duplicate-event-id';
  constructor(readonly eventId: string, options?: { cause?: unknown }) {
    super(`Event ${eventId} was already appended elsewhere`, options);
    this.name = 'DuplicateEventIdError';
  }
}

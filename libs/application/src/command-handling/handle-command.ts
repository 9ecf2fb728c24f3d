import { WrongExpectedRevisionError, type EventStore, type GlobalPosition, type StoredEvent } from '@ledger/event-store';
import type { Clock } from '../clock';
import { ConcurrencyConflictError, NotFoundError, PreconditionFailedError } from './application-errors';
import { toNewEvents, type CommandEnvelope } from './command-envelope';

type AnyEvent = { readonly type: string; readonly data: object };

/** How one kind of stream is folded; the decision itself arrives per command. */
export interface StreamModel<S, E extends AnyEvent> {
  readonly initialState: S;
  evolve(state: S, event: E): S;
  /** Turns a stored event (any version) into the current event shape. */
  upcast(event: StoredEvent): E;
  versionOf(type: string): number;
}

export interface CommandRequest<S, E extends AnyEvent> {
  readonly streamId: string;
  readonly model: StreamModel<S, E>;
  /** Pure: the events the command produces from the current state, or a thrown DomainError. */
  readonly decide: (state: S, today: Date) => readonly E[];
  readonly envelope: CommandEnvelope;
  /** Refuse with NotFoundError when the stream has no events (every command but a creation). */
  readonly mustExist: boolean;
  /** The client's If-Match revision: a mismatch is a 412 and is never retried. */
  readonly ifMatch?: number;
  /** Re-reads and re-decides this many times on a conflict; 0 makes the loser see 409. */
  readonly maxRetries: number;
}

export interface CommandOutcome<S, E> {
  readonly revision: number;
  readonly state: S;
  readonly events: readonly E[];
  /** Where the last appended event sits in the global order; undefined when nothing was appended. */
  readonly position?: GlobalPosition;
}

/** The one command-handler shape: load, fold, decide, append with expected revision, bounded retry. */
export async function handleCommand<S, E extends AnyEvent>(
  store: EventStore,
  clock: Clock,
  request: CommandRequest<S, E>,
): Promise<CommandOutcome<S, E>> {
  for (let attempt = 0; ; attempt++) {
    const stream = await store.readStream(request.streamId);
    const earlier = appendedUnderKey(stream.events, request.envelope);
    if (earlier.length > 0) return replayed(stream.events, earlier, request.model);
    if (request.mustExist && stream.revision < 0) throw new NotFoundError(`${request.streamId} does not exist`);
    if (request.ifMatch !== undefined && request.ifMatch !== stream.revision) {
      throw new PreconditionFailedError(request.streamId, request.ifMatch, stream.revision);
    }
    const state = stream.events.map(request.model.upcast).reduce(request.model.evolve, request.model.initialState);
    const now = clock.now();
    const decided = request.decide(state, now);
    if (decided.length === 0) return { revision: stream.revision, state, events: [] };
    const expected = stream.revision < 0 ? 'no-stream' : stream.revision;
    try {
      const appended = await store.append(
        request.streamId,
        expected,
        toNewEvents(decided, request.model.versionOf, request.envelope, now),
      );
      return {
        revision: appended.nextRevision,
        state: decided.reduce(request.model.evolve, state),
        events: decided,
        position: appended.position,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (request.ifMatch !== undefined) {
        throw new PreconditionFailedError(request.streamId, request.ifMatch, error.actual);
      }
      if (attempt >= request.maxRetries) throw new ConcurrencyConflictError(request.streamId, { cause: error });
    }
  }
}

/**
 * The events a command under this envelope's idempotency key (and actor) already appended to the
 * stream. A process that died after the append but before recording its answer leaves its claim on
 * the key to be taken over; the retry must find that append rather than make it again.
 */
function appendedUnderKey(events: readonly StoredEvent[], envelope: CommandEnvelope): readonly StoredEvent[] {
  const { idempotencyKey, actor } = envelope;
  if (idempotencyKey === undefined) return [];
  return events.filter((event) => event.metadata.idempotencyKey === idempotencyKey && event.metadata.actorId === actor.id);
}

/** What the first run answered: its events, and the revision and state just after them. */
function replayed<S, E extends AnyEvent>(events: readonly StoredEvent[], earlier: readonly StoredEvent[], model: StreamModel<S, E>): CommandOutcome<S, E> {
  const last = earlier[earlier.length - 1];
  return {
    revision: last.streamRevision,
    state: events.slice(0, last.streamRevision + 1).map(model.upcast).reduce(model.evolve, model.initialState),
    events: earlier.map(model.upcast),
    position: last.position,
  };
}

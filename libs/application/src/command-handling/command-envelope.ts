import type { EventMetadata, NewEvent } from '@ledger/event-store';
import { randomUUID } from 'node:crypto';

export type Role = 'commissioner' | 'finance' | 'manager' | 'admin' | 'scheduler';
export const ROLES: readonly Role[] = ['commissioner', 'finance', 'manager', 'admin', 'scheduler'];

export interface Actor {
  readonly id: string;
  /** The role the actor acted in for this command (the one that authorised it). */
  readonly role: Role;
}

/** Who asks, and where the request sits in a chain of cause; stamped on every event appended. */
export interface CommandEnvelope {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string;
  readonly idempotencyKey?: string;
  /** The id of the command's n-th event; random unless the caller must be able to re-run the command (the demo seed). */
  readonly eventIdFor?: (index: number) => string;
  /** Extra metadata stamped on every event, beside who, when and why (the demo seed's step). */
  readonly extraMetadata?: Readonly<Record<string, unknown>>;
}

export function envelopeFor(actor: Actor, idempotencyKey?: string): CommandEnvelope {
  const id = randomUUID();
  return { actor, correlationId: id, causationId: id, idempotencyKey };
}

export function toNewEvents(
  events: readonly { readonly type: string; readonly data: object }[],
  versionOf: (type: string) => number,
  envelope: CommandEnvelope,
  recordedAt: Date,
): NewEvent[] {
  const metadata: EventMetadata = {
    ...envelope.extraMetadata,
    actorId: envelope.actor.id,
    actorRole: envelope.actor.role,
    recordedAt: recordedAt.toISOString(),
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    ...(envelope.idempotencyKey === undefined ? {} : { idempotencyKey: envelope.idempotencyKey }),
  };
  return events.map((event, index) => ({
    eventId: envelope.eventIdFor?.(index) ?? randomUUID(),
    type: event.type,
    version: versionOf(event.type),
    data: event.data as Record<string, unknown>,
    metadata,
  }));
}

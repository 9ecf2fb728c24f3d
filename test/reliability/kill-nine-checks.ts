/** The kill-nine checks with the API stopped: the log against every intent, and the read models against a clean rebuild. */
import { openLedgerRuntime, STALE_PENDING_SECONDS, systemClock, type LedgerConfig, type LedgerRuntime } from '@ledger/application';
import { START, type StoredEvent } from '@ledger/event-store';
import { readModelsEqualRebuild } from '../support/read-models';
import { WRITER, type Intent } from './kill-nine-traffic';

/** Every event in the store, in global order. */
async function everyEvent(runtime: LedgerRuntime): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let from = START; ;) {
    const batch = await runtime.eventStore.readAll({ from, limit: 5000 });
    if (batch.length === 0) return events;
    events.push(...batch);
    from = batch[batch.length - 1].position;
  }
}

function streamViolations(events: readonly StoredEvent[]): string[] {
  const violations = new Set(events.length === new Set(events.map((e) => e.eventId)).size ? [] : ['an event id appears twice']);
  const next = new Map<string, number>();
  for (const event of [...events].sort((a, b) => a.streamRevision - b.streamRevision)) {
    if (event.streamRevision !== (next.get(event.streamId) ?? 0)) violations.add(`${event.streamId} has a gap or a repeat at revision ${event.streamRevision}`);
    next.set(event.streamId, event.streamRevision + 1);
  }
  return [...violations];
}

/** What a check found: acknowledged writes missing, writes appended twice (by more than one command under one key). */
export interface Check {
  lost: number;
  duplicated: number;
  events: number;
  rebuildEqual: boolean;
  agedClaims: number;
  /** Unknown writes sent again once the API served after the check. */
  retried: number;
  readonly violations: string[];
}

/** Each intent against the appends made under its key: one for an acknowledged write, none for a refused one, never two. */
function judgeIntents(intents: readonly Intent[], events: readonly StoredEvent[], check: Check): void {
  const appends = new Map<string, Map<string, StoredEvent[]>>();
  for (const event of events) {
    const { idempotencyKey, actorId, correlationId } = event.metadata;
    if (idempotencyKey === undefined || actorId !== WRITER) continue;
    const byCommand = appends.get(idempotencyKey) ?? appends.set(idempotencyKey, new Map()).get(idempotencyKey)!;
    byCommand.set(correlationId, [...(byCommand.get(correlationId) ?? []), event]);
  }
  for (const intent of intents) {
    const made = [...(appends.get(intent.key)?.values() ?? [])];
    if (intent.interrupted && intent.outcome === 'unknown' && intent.landing === undefined) {
      intent.landing = made.length > 0 ? 'appended, not recorded' : 'claimed, not appended';
    }
    if (made.length > 1) check.duplicated++;
    if (intent.outcome === 'acknowledged' && made.length === 0) check.lost++;
    const last = made.length === 1 ? made[0][made[0].length - 1] : undefined;
    if (intent.outcome === 'acknowledged' && last !== undefined && last.streamRevision !== intent.revision) {
      check.violations.push(`${intent.path} was acknowledged at revision ${intent.revision} but stored at ${last.streamRevision}`);
    }
    if (intent.outcome === 'refused' && made.length > 0) {
      check.violations.push(`${intent.path} was refused${intent.interrupted ? ' when sent again' : ''}, yet it is in the log`);
    }
  }
}

/**
 * With the API stopped: the log against every intent, the read models the API left against a clean rebuild;
 * then the claims the killed processes left pending are aged past the takeover window, as if a minute had passed.
 */
export async function verify(config: LedgerConfig, intents: readonly Intent[]): Promise<Check> {
  const runtime = await openLedgerRuntime(config, systemClock, { startProjections: false });
  try {
    const events = await everyEvent(runtime);
    const check: Check = { lost: 0, duplicated: 0, events: events.length, rebuildEqual: false, agedClaims: 0, retried: 0, violations: streamViolations(events) };
    judgeIntents(intents, events, check);
    const head = await runtime.eventStore.headPosition();
    const behind = await runtime.database.query('SELECT name FROM projection_checkpoints WHERE position <> $1', [head]);
    if (behind.length > 0) check.violations.push('the read models had not caught up with the log when the API stopped');
    check.rebuildEqual = await readModelsEqualRebuild(runtime);
    if (!check.rebuildEqual) check.violations.push('the read models differ from a clean rebuild');
    check.agedClaims = (await runtime.database.query(
      `UPDATE idempotency_keys SET created_at = created_at - make_interval(secs => ${STALE_PENDING_SECONDS + 1}) WHERE state = 'pending' RETURNING key`)).length;
    return check;
  } finally {
    await runtime.close();
  }
}

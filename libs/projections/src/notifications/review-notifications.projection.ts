import { placementIdOf } from '@ledger/domain';
import type { SqlExecutor, StoredEvent } from '@ledger/event-store';
import { NOTHING_TO_WRITE, type PendingWrite, type Projection, type ProjectionFold } from '../projection';

/**
 * One notification per review flag, keyed by the flag's event id (so never two for one flag), for
 * the commissioner who commissioned the placement. Delivery happens afterwards, from this table.
 */
export const reviewNotificationsProjection: Projection = {
  name: 'review-notifications',
  async migrate(db: SqlExecutor) {
    await db.query(`CREATE TABLE IF NOT EXISTS placement_commissioners (placement_id text PRIMARY KEY, commissioner_id text NOT NULL, child_ref text NOT NULL)`);
    await db.query(`CREATE TABLE IF NOT EXISTS notifications (
      notification_id text PRIMARY KEY, recipient_id text NOT NULL, placement_id text NOT NULL, kind text NOT NULL,
      term_end text NOT NULL, flagged_on text NOT NULL, subject text NOT NULL, body text NOT NULL,
      state text NOT NULL DEFAULT 'pending', channel text, sent_at timestamptz, error text, created_at text NOT NULL)`);
    await db.query('CREATE INDEX IF NOT EXISTS notifications_recipient ON notifications (recipient_id, created_at)');
  },
  async reset(tx: SqlExecutor) {
    // Delivered notifications are history, not a read model to rebuild: only the lookup is reset.
    await tx.query('DELETE FROM placement_commissioners');
  },
  /** The commissioners of the placements the batch touches are read; the fold does the rest. */
  async foldOver(tx: SqlExecutor, events: readonly StoredEvent[]) {
    const ids = [...new Set(events.filter((e) => TYPES.has(e.type)).map((e) => placementIdOf(e.streamId)).filter((id) => id !== undefined))];
    if (ids.length === 0) return new NotificationsFold();
    const stored = await tx.query<Who & { placement_id: string }>('SELECT placement_id, commissioner_id, child_ref FROM placement_commissioners WHERE placement_id = ANY($1::text[])', [ids]);
    return new NotificationsFold(stored);
  },
  foldFromEmpty: () => new NotificationsFold(),
};

/**
 * Events folded in order, so each flag names whoever commissioned the placement at that point; a write
 * stores the lookup rows changed and the notifications made since the last, in two statements at most.
 */
class NotificationsFold implements ProjectionFold {
  private readonly people = new Map<string, Who>();
  private readonly touched = new Set<string>();
  private notifications: unknown[] = [];

  constructor(stored: readonly (Who & { placement_id: string })[] = []) {
    for (const r of stored) this.people.set(r.placement_id, { commissioner_id: r.commissioner_id, child_ref: r.child_ref });
  }

  add(events: readonly StoredEvent[]): void {
    for (const event of events) {
      if (event.type === 'WeeklyReportIssued') this.notifications.push(...earlyWarningNotificationsOf(event));
      if (!TYPES.has(event.type)) continue;
      const placementId = placementIdOf(event.streamId);
      if (placementId === undefined) continue;
      const who = this.people.get(placementId);
      if (event.type === 'PlacementRequested') {
        this.people.set(placementId, { commissioner_id: who?.commissioner_id ?? event.metadata.actorId, child_ref: String(event.data.childRef) });
        this.touched.add(placementId);
      } else if (event.type === 'PlacementCommissioned') {
        if (who !== undefined) { this.people.set(placementId, { ...who, commissioner_id: event.metadata.actorId }); this.touched.add(placementId); }
      } else {
        this.notifications.push(notificationOf(event, placementId, who));
      }
    }
  }

  takeWrite(): PendingWrite {
    const touched = this.touched.size === 0 ? undefined : JSON.stringify([...this.touched].map((id) => ({ placement_id: id, ...this.people.get(id) })));
    const notifications = this.notifications;
    this.touched.clear();
    this.notifications = [];
    if (touched === undefined && notifications.length === 0) return NOTHING_TO_WRITE;
    return async (tx) => {
      if (touched !== undefined) {
        await tx.query(`INSERT INTO placement_commissioners (placement_id, commissioner_id, child_ref)
          SELECT placement_id, commissioner_id, child_ref FROM jsonb_to_recordset($1::jsonb) AS r(placement_id text, commissioner_id text, child_ref text)
          ON CONFLICT (placement_id) DO UPDATE SET commissioner_id = EXCLUDED.commissioner_id, child_ref = EXCLUDED.child_ref`,
        [touched]);
      }
      if (notifications.length > 0) await insertNotifications(tx, notifications);
    };
  }
}

/** Keyed by id: one already there (a replay, a rebuild) is left as it was, so none is sent twice. */
async function insertNotifications(tx: SqlExecutor, notifications: readonly unknown[]): Promise<void> {
  await tx.query(`INSERT INTO notifications (notification_id, recipient_id, placement_id, kind, term_end, flagged_on, subject, body, created_at)
    SELECT notification_id, recipient_id, placement_id, kind, term_end, flagged_on, subject, body, created_at FROM jsonb_to_recordset($1::jsonb) AS r(
      notification_id text, recipient_id text, placement_id text, kind text, term_end text, flagged_on text, subject text, body text, created_at text)
    ON CONFLICT (notification_id) DO NOTHING`, [JSON.stringify(notifications)]);
}

interface WarningData {
  costCentre: string; financialYear: string; movedPence: number; reasons: string[]; budgetPence: number;
  before: { outturnPence: number; rag: string }; after: { outturnPence: number; rag: string }; causes: Record<string, number>;
}

const pounds = (pence: number) => `${pence < 0 ? '-' : ''}£${(Math.abs(pence) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * An issued weekly report's early warnings, one notification per cost centre and recipient, keyed by the
 * report's event id: a report is issued once a week, so a crossing is told once, with its causes.
 */
function earlyWarningNotificationsOf(event: StoredEvent) {
  const data = event.data as { weekCommencing?: string; notify?: string[]; report?: { earlyWarnings?: WarningData[] } };
  const warnings = data.report?.earlyWarnings ?? [];
  return (data.notify ?? []).flatMap((recipient) => warnings.map((w) => {
    const crossed = w.reasons.includes('rag');
    const subject = crossed
      ? `Early warning: ${w.costCentre} projected outturn now ${w.after.rag} (was ${w.before.rag})`
      : `Early warning: ${w.costCentre} projected outturn moved ${pounds(w.movedPence)} this week`;
    const causes = Object.entries(w.causes).filter(([, pence]) => pence !== 0).map(([cause, pence]) => `${cause} ${pounds(pence)}`).join('; ');
    const body = `The continuing-basis projected outturn of ${w.costCentre} for ${w.financialYear} went from ${pounds(w.before.outturnPence)} (${w.before.rag}) to ` +
      `${pounds(w.after.outturnPence)} (${w.after.rag}) against a budget of ${pounds(w.budgetPence)} since the last weekly report. ` +
      `Causes: ${causes === '' ? 'no event moved it; the budget changed' : causes}.`;
    return {
      notification_id: `${event.eventId}/${w.costCentre}/${recipient}`, recipient_id: recipient, placement_id: '', kind: 'early-warning',
      term_end: data.weekCommencing ?? '', flagged_on: event.metadata.recordedAt.slice(0, 10), subject, body, created_at: event.metadata.recordedAt,
    };
  }));
}

interface Who { commissioner_id: string; child_ref: string }

const TYPES = new Set(['PlacementRequested', 'PlacementCommissioned', 'ReviewDueFlagged', 'ReviewOverdueFlagged']);

function notificationOf(event: StoredEvent, placementId: string, who: Who | undefined) {
  const due = event.type === 'ReviewDueFlagged';
  const termEnd = String(event.data.termEnd);
  const subject = due ? `Four-week review due by ${termEnd}: ${who?.child_ref ?? placementId}` : `Four-week review overdue since ${termEnd}: ${who?.child_ref ?? placementId}`;
  const body = `${due ? 'The review of the current term is due' : 'The current term ended without a review'} for placement ${placementId} (child ${who?.child_ref ?? 'unknown'}). ` +
    `The term ${due ? 'ends' : 'ended'} on ${termEnd}. Record the four-week review before extending or ending the placement.`;
  return {
    notification_id: event.eventId, recipient_id: who?.commissioner_id ?? 'unassigned', placement_id: placementId, kind: due ? 'review-due' : 'review-overdue',
    term_end: termEnd, flagged_on: String(event.data.flaggedOn), subject, body, created_at: event.metadata.recordedAt,
  };
}

export interface NotificationRow {
  readonly notificationId: string;
  readonly recipientId: string;
  readonly placementId: string;
  readonly kind: string;
  readonly termEnd: string;
  readonly subject: string;
  readonly body: string;
  readonly state: string;
  readonly channel: string | null;
  readonly createdAt: string;
}

interface Row { notification_id: string; recipient_id: string; placement_id: string; kind: string; term_end: string; subject: string; body: string; state: string; channel: string | null; created_at: string }
const toRow = (r: Row): NotificationRow => ({ notificationId: r.notification_id, recipientId: r.recipient_id, placementId: r.placement_id, kind: r.kind, termEnd: r.term_end, subject: r.subject, body: r.body, state: r.state, channel: r.channel, createdAt: r.created_at });

export async function listNotifications(db: SqlExecutor, recipientId: string): Promise<NotificationRow[]> {
  const rows = await db.query<Row>('SELECT * FROM notifications WHERE recipient_id = $1 ORDER BY created_at DESC, notification_id', [recipientId]);
  return rows.map(toRow);
}

/** Claims pending notifications for sending: a claimed one is never claimed again, so none is sent twice. */
export async function claimPendingNotifications(db: SqlExecutor, limit = 50): Promise<NotificationRow[]> {
  const rows = await db.query<Row>(`UPDATE notifications SET state = 'sending' WHERE notification_id IN (
      SELECT notification_id FROM notifications WHERE state = 'pending' ORDER BY created_at LIMIT $1) RETURNING *`, [limit]);
  return rows.map(toRow);
}

export async function markNotification(db: SqlExecutor, id: string, outcome: { state: 'sent' | 'failed'; channel: string; error?: string }): Promise<void> {
  await db.query(`UPDATE notifications SET state = $2, channel = $3, sent_at = now(), error = $4 WHERE notification_id = $1`, [id, outcome.state, outcome.channel, outcome.error ?? null]);
}

import { placementIdOf } from '@ledger/domain';
import type { SqlExecutor, StoredEvent } from '@ledger/event-store';
import type { Projection } from '../projection';

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
  async apply(tx: SqlExecutor, events: readonly StoredEvent[]) {
    for (const event of events) {
      const placementId = placementIdOf(event.streamId);
      if (placementId === undefined) continue;
      if (event.type === 'PlacementRequested') {
        await tx.query(`INSERT INTO placement_commissioners (placement_id, commissioner_id, child_ref) VALUES ($1, $2, $3)
          ON CONFLICT (placement_id) DO UPDATE SET child_ref = EXCLUDED.child_ref`, [placementId, event.metadata.actorId, String(event.data.childRef)]);
      } else if (event.type === 'PlacementCommissioned') {
        await tx.query('UPDATE placement_commissioners SET commissioner_id = $2 WHERE placement_id = $1', [placementId, event.metadata.actorId]);
      } else if (event.type === 'ReviewDueFlagged' || event.type === 'ReviewOverdueFlagged') {
        const [who] = await tx.query<{ commissioner_id: string; child_ref: string }>('SELECT commissioner_id, child_ref FROM placement_commissioners WHERE placement_id = $1', [placementId]);
        const due = event.type === 'ReviewDueFlagged';
        const termEnd = String(event.data.termEnd);
        const subject = due ? `Four-week review due by ${termEnd}: ${who?.child_ref ?? placementId}` : `Four-week review overdue since ${termEnd}: ${who?.child_ref ?? placementId}`;
        const body = `${due ? 'The review of the current term is due' : 'The current term ended without a review'} for placement ${placementId} (child ${who?.child_ref ?? 'unknown'}). ` +
          `The term ${due ? 'ends' : 'ended'} on ${termEnd}. Record the four-week review before extending or ending the placement.`;
        await tx.query(`INSERT INTO notifications (notification_id, recipient_id, placement_id, kind, term_end, flagged_on, subject, body, created_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (notification_id) DO NOTHING`,
          [event.eventId, who?.commissioner_id ?? 'unassigned', placementId, due ? 'review-due' : 'review-overdue', termEnd, String(event.data.flaggedOn), subject, body, event.metadata.recordedAt]);
      }
    }
  },
};

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

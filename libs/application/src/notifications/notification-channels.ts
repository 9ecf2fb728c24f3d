import { createTransport, type Transporter } from 'nodemailer';
import { claimPendingNotifications, markNotification, type NotificationRow } from '@ledger/projections';
import type { SqlExecutor } from '@ledger/event-store';
import type { LedgerConfig } from '../config/ledger-config';

/** Where a notification goes: e-mail over SMTP when configured, otherwise the log (and always the in-app list). */
export interface NotificationChannel {
  readonly name: string;
  send(notification: NotificationRow): Promise<void>;
  close(): Promise<void>;
}

export class LogChannel implements NotificationChannel {
  readonly name = 'log';
  constructor(private readonly log: (message: string) => void = (m) => process.stdout.write(`${m}\n`)) {}
  async send(n: NotificationRow): Promise<void> {
    this.log(`Notification to ${n.recipientId}: ${n.subject}`);
  }
  async close(): Promise<void> {}
}

export class SmtpChannel implements NotificationChannel {
  readonly name = 'smtp';
  private readonly transport: Transporter;
  constructor(smtpUrl: string, private readonly from: string, private readonly domain?: string) {
    this.transport = createTransport(smtpUrl);
  }
  private address(recipientId: string): string {
    if (recipientId.includes('@')) return recipientId;
    if (this.domain === undefined) throw new Error(`No e-mail address for ${recipientId}: set LEDGER_NOTIFY_EMAIL_DOMAIN`);
    return `${recipientId}@${this.domain}`;
  }
  async send(n: NotificationRow): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: this.address(n.recipientId), subject: n.subject, text: n.body });
  }
  async close(): Promise<void> {
    this.transport.close();
  }
}

export function notificationChannel(config: LedgerConfig): NotificationChannel {
  return config.smtpUrl === undefined ? new LogChannel() : new SmtpChannel(config.smtpUrl, config.smtpFrom, config.notifyEmailDomain);
}

/**
 * Sends what is pending, each notification claimed before it is sent: a crash mid-send leaves it
 * claimed, never sent twice (at most once per flag); a refused send is kept as failed with its error.
 */
export async function dispatchNotifications(db: SqlExecutor, channel: NotificationChannel): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let batch = await claimPendingNotifications(db); batch.length > 0; batch = await claimPendingNotifications(db)) {
    for (const notification of batch) {
      try {
        await channel.send(notification);
        await markNotification(db, notification.notificationId, { state: 'sent', channel: channel.name });
        sent += 1;
      } catch (error) {
        await markNotification(db, notification.notificationId, { state: 'failed', channel: channel.name, error: error instanceof Error ? error.message : String(error) });
        failed += 1;
      }
    }
  }
  return { sent, failed };
}

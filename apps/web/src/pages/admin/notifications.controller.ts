import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { LEDGER_RUNTIME, type LedgerRuntime } from '@ledger/application';
import { listNotifications, type NotificationRow } from '@ledger/projections';
import { CurrentUser, PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { READER_ROLES, type WebUser } from '../../auth/web-user';
import { PageRenderer } from '../../rendering/page-renderer';

const CHANNELS: Record<string, string> = { smtp: 'by e-mail', log: 'to the service log (no e-mail is set up)' };

/** How a notification went, in words: sent by which channel, waiting, or failed. */
export function delivery(n: NotificationRow): string {
  const channel = n.channel === null ? '' : ` ${CHANNELS[n.channel] ?? `by ${n.channel}`}`;
  switch (n.state) {
    case 'sent': return `Sent${channel}`;
    case 'failed': return `Not delivered${channel}`;
    case 'sending': return 'Being sent';
    default: return 'Waiting to be sent';
  }
}

/** The signed-in person's review notifications: the same list as GET /api/notifications. */
@WebPages()
@Controller('notifications')
export class NotificationsPagesController {
  constructor(private readonly pages: PageRenderer, @Inject(LEDGER_RUNTIME) private readonly runtime: LedgerRuntime) {}

  @Get()
  @PageRoles(...READER_ROLES)
  async list(@Req() req: WebRequest, @Res() res: Response, @CurrentUser() user: WebUser) {
    const notifications = (await listNotifications(this.runtime.database, user.id)).map((n) => ({ ...n, delivery: delivery(n), overdue: n.kind === 'review-overdue' }));
    this.pages.render(req, res, 'admin/notifications.njk', { notifications });
  }
}

import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { LEDGER_RUNTIME, type Actor, type LedgerRuntime } from '@ledger/application';
import { listNotifications } from '@ledger/projections';
import { AnyRole, CurrentActor } from '../auth/auth.decorators';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(@Inject(LEDGER_RUNTIME) private readonly runtime: LedgerRuntime) {}

  /** The caller's review notifications, newest first, with how each was delivered. */
  @Get()
  @AnyRole()
  async mine(@CurrentActor() actor: Actor) {
    const notifications = await listNotifications(this.runtime.database, actor.id);
    return { count: notifications.length, notifications };
  }
}

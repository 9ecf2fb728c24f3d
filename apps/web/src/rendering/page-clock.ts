import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, LEDGER_CONFIG, type Clock, type LedgerConfig } from '@ledger/application';
import { todayIn, type LocalDate } from '@ledger/domain';

/** "Now" and "today" in the council's time zone, as the pages need them: one injection instead of two. */
@Injectable()
export class PageClock {
  constructor(@Inject(CLOCK) private readonly clock: Clock, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  get timeZone(): string {
    return this.config.timeZone;
  }

  now(): Date {
    return this.clock.now();
  }

  today(): LocalDate {
    return todayIn(this.clock.now(), this.config.timeZone);
  }
}

import { Cron } from 'croner';
import { randomUUID } from 'node:crypto';
import type { LedgerRuntime } from '../runtime';
import { jobSchedules, runLedgerJob, type JobHandlers, type JobScheduler, type JobsOverview } from './ledger-jobs';

/**
 * Without Redis the same jobs run in this process on the same cron schedules, so `npm start` needs
 * nothing installed. A run that fails is logged and tried again at the next slot; each job is
 * idempotent, so a missed or repeated run does no harm.
 */
export class InProcessScheduler implements JobScheduler {
  readonly mode = 'in-process' as const;
  private timers: Cron[] = [];

  constructor(private readonly runtime: LedgerRuntime, private readonly handlers: JobHandlers, private readonly log: (message: string, error?: unknown) => void = () => undefined) {}

  async start(): Promise<void> {
    this.timers = jobSchedules(this.runtime).map((schedule) => new Cron(schedule.pattern, { timezone: schedule.timeZone, protect: true }, async () => {
      try {
        await runLedgerJob(this.runtime, this.handlers, { job: schedule.job, trigger: 'schedule' }, randomUUID());
      } catch (error) {
        this.log(`Scheduled ${schedule.job} failed; it runs again at the next slot`, error);
      }
    }));
  }

  async stop(): Promise<void> {
    for (const timer of this.timers.splice(0)) timer.stop();
  }

  async overview(): Promise<JobsOverview> {
    return {
      mode: this.mode,
      schedules: jobSchedules(this.runtime).map((s, i) => ({ job: s.job, pattern: s.pattern, timeZone: s.timeZone, nextRun: this.timers[i]?.nextRun()?.toISOString() ?? null })),
    };
  }
}

import type { LedgerRuntime } from '../runtime';
import { runRenewalSweep } from './renewal-sweep';

/** The jobs the ledger schedules. The weekly report joins the renewal sweep with issue 4's report. */
export const LEDGER_JOBS = ['renewal-sweep'] as const;
export type LedgerJobName = (typeof LEDGER_JOBS)[number];

/** What a queued job carries: which job, and why it runs now. */
export interface LedgerJobPayload {
  readonly job: LedgerJobName;
  readonly trigger: 'schedule' | 'catch-up';
}

export interface JobSchedule {
  readonly job: LedgerJobName;
  /** Five-field cron pattern, read in `timeZone`. */
  readonly pattern: string;
  readonly timeZone: string;
}

export function jobSchedules(runtime: LedgerRuntime): JobSchedule[] {
  return [{ job: 'renewal-sweep', pattern: runtime.config.renewalSweepCron, timeZone: runtime.config.timeZone }];
}

/** Runs one job through its application handler; the queue and the in-process timer both call this. */
export async function runLedgerJob(runtime: LedgerRuntime, payload: LedgerJobPayload, correlationId: string): Promise<unknown> {
  switch (payload.job) {
    case 'renewal-sweep':
      return runRenewalSweep(runtime, correlationId);
    default: {
      const unreachable: never = payload.job;
      throw new Error(`Unknown job ${String(unreachable)}`);
    }
  }
}

/** Something that runs the ledger's jobs on their schedules, and says how. */
export interface JobScheduler {
  readonly mode: 'bullmq' | 'in-process';
  start(): Promise<void>;
  stop(): Promise<void>;
}

import type { LedgerRuntime } from '../runtime';

/** The jobs the ledger schedules. */
export const LEDGER_JOBS = ['renewal-sweep', 'weekly-report'] as const;
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
  return [
    { job: 'renewal-sweep', pattern: runtime.config.renewalSweepCron, timeZone: runtime.config.timeZone },
    { job: 'weekly-report', pattern: runtime.config.weeklyReportCron, timeZone: runtime.config.timeZone },
  ];
}

/** The application handler behind each job, composed by the app that runs the jobs. */
export type JobHandlers = Readonly<Record<LedgerJobName, (runtime: LedgerRuntime, correlationId: string) => Promise<unknown>>>;

/** Runs one job through its application handler; the queue and the in-process timer both call this. */
export async function runLedgerJob(runtime: LedgerRuntime, handlers: JobHandlers, payload: LedgerJobPayload, correlationId: string): Promise<unknown> {
  const handler = (handlers as Record<string, JobHandlers[LedgerJobName] | undefined>)[payload.job];
  if (handler === undefined) throw new Error(`Unknown job ${String(payload.job)}`);
  return handler(runtime, correlationId);
}

/** What an admin sees of the jobs: schedules, and on BullMQ the queue's counts and failures. */
export interface JobsOverview {
  readonly mode: 'bullmq' | 'in-process';
  readonly schedules: readonly { readonly job: string; readonly pattern: string; readonly timeZone: string; readonly nextRun: string | null }[];
  readonly counts?: Readonly<Record<string, number>>;
  readonly failed?: readonly { readonly id: string; readonly name: string; readonly attemptsMade: number; readonly failedReason: string; readonly failedAt: string | null }[];
}

/** Something that runs the ledger's jobs on their schedules, and says how. */
export interface JobScheduler {
  readonly mode: 'bullmq' | 'in-process';
  start(): Promise<void>;
  stop(): Promise<void>;
  overview(): Promise<JobsOverview>;
}

import { runRenewalSweep, type JobHandlers } from '@ledger/application';
import { issueWeeklyReport, weekJustEnded } from '@ledger/reporting';

/** What each scheduled job does: the same application handlers the API's "run now" calls. */
export const JOB_HANDLERS: JobHandlers = {
  'renewal-sweep': (runtime, correlationId) => runRenewalSweep(runtime, correlationId),
  'weekly-report': (runtime, correlationId) => issueWeeklyReport(runtime, weekJustEnded(runtime), correlationId),
};

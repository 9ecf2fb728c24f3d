import type { JobHandlers } from '../jobs/ledger-jobs';
import { runRenewalSweep } from '../jobs/renewal-sweep';
import { issueWeeklyReport, weekJustEnded } from './issue-weekly-report';

/** What each scheduled job does: the same application handlers the API's "run now" calls, whichever process runs it. */
export const JOB_HANDLERS: JobHandlers = {
  'renewal-sweep': (runtime, correlationId) => runRenewalSweep(runtime, correlationId),
  'weekly-report': (runtime, correlationId) => issueWeeklyReport(runtime, weekJustEnded(runtime), correlationId),
};

import { authorisationMatrix } from './authorisation-matrix';
import type { Scenario } from './campaign';
import { concurrentWriters } from './concurrent-writers';
import { exportImport } from './export-import';
import { hostileRequests } from './hostile-requests';
import { killNine } from './kill-nine';
import { outages } from './outages';
import { seedCrash } from './seed-crash';
import { shutdownTimings } from './shutdown-timings';

/** Every scenario of the campaign, in the order they run and are printed. */
export const SCENARIOS: readonly Scenario[] = [
  hostileRequests,
  authorisationMatrix,
  concurrentWriters,
  killNine,
  seedCrash,
  shutdownTimings,
  outages,
  exportImport,
];

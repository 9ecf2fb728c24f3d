import { todayIn, type LocalDate, type PlacementCommand } from '@ledger/domain';
import { listPlacementSummaries } from '@ledger/projections';
import { envelopeFor, type Actor } from '../command-handling/command-envelope';
import { runPlacementCommand } from '../placements/placement-model';
import { dispatchNotifications } from '../notifications/notification-channels';
import type { LedgerRuntime } from '../runtime';

export interface SweepFlag {
  readonly placementId: string;
  readonly flag: 'ReviewDueFlagged' | 'ReviewOverdueFlagged';
  readonly termEnd: string;
}

export interface SweepOutcome {
  readonly asOf: LocalDate;
  readonly placementsChecked: number;
  readonly flagged: readonly SweepFlag[];
  /** Review notifications delivered after the flags were projected (each flag notified at most once). */
  readonly notifications: { readonly sent: number; readonly failed: number };
}

const SCHEDULER: Actor = { id: 'renewal-sweep', role: 'scheduler' };
const FLAGS: readonly PlacementCommand[] = [{ type: 'FlagReviewDue', data: {} }, { type: 'FlagReviewOverdue', data: {} }];

/**
 * The daily renewal sweep: asks the decider to flag every active external placement whose term ends
 * within the due window, or has ended unreviewed. The decider flags a term at most once, so running
 * the sweep twice, or retrying it after a crash, changes nothing the second time.
 */
export async function runRenewalSweep(runtime: LedgerRuntime, correlationId?: string): Promise<SweepOutcome> {
  const now = runtime.clock.now();
  const active = await listPlacementSummaries(runtime.database, { status: 'commissioned' });
  const flagged: SweepFlag[] = [];
  let last: string | undefined;
  const envelope = { ...envelopeFor(SCHEDULER), ...(correlationId ? { correlationId, causationId: correlationId } : {}) };
  for (const placement of active) {
    for (const command of FLAGS) {
      const outcome = await runPlacementCommand(runtime.eventStore, runtime.clock, runtime.config, {
        placementId: placement.placementId, command, envelope, maxRetries: 3,
      });
      last = outcome.position ?? last;
      for (const event of outcome.events) {
        if (event.type === 'ReviewDueFlagged' || event.type === 'ReviewOverdueFlagged') {
          flagged.push({ placementId: placement.placementId, flag: event.type, termEnd: event.data.termEnd });
        }
      }
    }
  }
  if (last !== undefined) await runtime.projections.waitFor(last, runtime.config.readYourWritesTimeoutMs);
  const notifications = await dispatchNotifications(runtime.database, runtime.notifications);
  return { asOf: todayIn(now, runtime.config.timeZone), placementsChecked: active.length, flagged, notifications };
}

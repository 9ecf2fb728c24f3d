import type { LocalDate } from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { PlacementMemo } from '../placement-memo';
import { externalPlacements } from './build-return';
import { reviewFlagOf, sortReviewFlags, type ReviewFlag } from './movements';

type Flag = ReturnType<typeof reviewFlagOf>;

export interface ReviewsDueAndOverdue {
  readonly reviewsDue: readonly ReviewFlag[];
  readonly reviewsOverdue: readonly ReviewFlag[];
}

/** Each placement's flag per as-of date and horizon, kept while its state lives (null: no flag). */
const flags = new PlacementMemo<NonNullable<Flag> | null>();
/** The answer per ledger (its placements map) and window, so an unchanged ledger is not sorted again. */
const answers = new WeakMap<object, Map<string, ReviewsDueAndOverdue>>();

/**
 * The renewals list from a ledger: unreviewed current terms ending within `withinDays` of `asOf`, and
 * those already ended, each by term end. After a write only the placements it touched are flagged
 * again; on an unchanged ledger the answer is the one already made. Its lists are never changed.
 */
export function renewalsDue(ledger: LedgerAsAt, asOf: LocalDate, withinDays: number): ReviewsDueAndOverdue {
  const key = `${asOf}/${withinDays}`;
  const byWindow = ledger.streams === undefined ? undefined : answers.get(ledger.streams) ?? new Map<string, ReviewsDueAndOverdue>();
  const kept = byWindow?.get(key);
  if (kept !== undefined) return kept;
  const flagOf = flags.window(key);
  const answer = sortReviewFlags(externalPlacements(ledger.placements).map((p) => flagOf(p, () => reviewFlagOf(p, asOf, withinDays) ?? null) ?? undefined));
  if (ledger.streams !== undefined && byWindow !== undefined) {
    byWindow.set(key, answer);
    answers.set(ledger.streams, byWindow);
  }
  return answer;
}

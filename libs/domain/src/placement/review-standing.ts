import { addDays, type LocalDate } from '../calendar/local-date';
import { reviewOfCurrentTerm, type ExternalPlacementState } from './placement-state';

/**
 * Where a placement's current term stands for review on `today`: `due` within `withinDays` of its
 * end, `overdue` from its end on, nothing once reviewed or ended. The renewal sweep flags by this
 * rule and the renewals list shows by it.
 */
export function reviewStanding(state: ExternalPlacementState, today: LocalDate, withinDays: number): 'due' | 'overdue' | undefined {
  if (state.status !== 'Commissioned' || reviewOfCurrentTerm(state) !== undefined) return undefined;
  if (today >= state.termEnd) return 'overdue';
  return addDays(state.termEnd, -withinDays) <= today ? 'due' : undefined;
}

import { evolvePlacement } from '../placement/evolve-placement';
import type { PlacementEvent } from '../placement/placement-events';
import { initialPlacementState, type ExternalPlacementState, type PlacementState } from '../placement/placement-state';
import type { CostTimeline } from './cost-timeline';

/**
 * The cost timeline of a commissioned or ended placement; undefined for one never commissioned
 * (a request, an in-house match or a withdrawal costs the external budget nothing).
 */
export function costTimelineOf(state: ExternalPlacementState): CostTimeline;
export function costTimelineOf(state: PlacementState): CostTimeline | undefined;
export function costTimelineOf(state: PlacementState): CostTimeline | undefined {
  switch (state.status) {
    case 'Commissioned':
      return { startDate: state.startDate, rates: state.rates, contributions: state.jointFunding };
    case 'Ended':
      return { startDate: state.startDate, endDate: state.endDate, rates: state.rates, contributions: state.jointFunding };
    case 'Initial':
    case 'Requested':
    case 'MatchedInHouse':
    case 'Withdrawn':
      return undefined;
    default: {
      const unreachable: never = state;
      throw new Error(`Unknown placement state ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * Folds a placement's events, in stream order, into its cost timeline. Rate changes take effect from
 * their own date whenever recorded (backdated ones included) until the next later-effective rate; an
 * extension's new rate runs from the previous term end; a later end replaces (corrects) an earlier one.
 */
export function costTimelineFromEvents(events: readonly PlacementEvent[]): CostTimeline | undefined {
  return costTimelineOf(events.reduce(evolvePlacement, initialPlacementState));
}

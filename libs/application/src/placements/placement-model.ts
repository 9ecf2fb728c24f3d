import {
  decidePlacement,
  evolvePlacement,
  initialPlacementState,
  PLACEMENT_EVENT_VERSIONS,
  placementStreamId,
  todayIn,
  upcastPlacementEvent,
  type DecisionContext,
  type PlacementCommand,
  type PlacementEvent,
  type PlacementState,
} from '@ledger/domain';
import type { StreamModel } from '../command-handling/handle-command';
import type { LedgerConfig } from '../config/ledger-config';
import { rateBandLookup } from '../config/rate-bands';

export const placementModel: StreamModel<PlacementState, PlacementEvent> = {
  initialState: initialPlacementState,
  evolve: evolvePlacement,
  upcast: (stored) => upcastPlacementEvent(stored.type, stored.version, stored.data),
  versionOf: (type) => PLACEMENT_EVENT_VERSIONS[type as PlacementEvent['type']] ?? 1,
};

export { placementStreamId };

/** The decision context for "now": today in the council's time zone and the configured bands. */
export function decisionContext(config: LedgerConfig, now: Date): DecisionContext {
  return {
    today: todayIn(now, config.timeZone),
    rateBandFor: rateBandLookup(config.rateBands),
    reviewDueWithinDays: config.reviewDueWithinDays,
  };
}

export function placementDecision(command: PlacementCommand, config: LedgerConfig) {
  return (state: PlacementState, now: Date): readonly PlacementEvent[] =>
    decidePlacement(command, state, decisionContext(config, now));
}

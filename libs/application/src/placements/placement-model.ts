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
import type { EventStore } from '@ledger/event-store';
import type { Clock } from '../clock';
import type { CommandEnvelope } from '../command-handling/command-envelope';
import { handleCommand, type CommandOutcome, type StreamModel } from '../command-handling/handle-command';
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

/**
 * A placement command, bound once: its stream, model and decision, and that every command but a
 * request needs the placement to exist. The API, the renewal sweep and the demo seeder all run it.
 */
export function runPlacementCommand(
  store: EventStore, clock: Clock, config: LedgerConfig,
  request: { readonly placementId: string; readonly command: PlacementCommand; readonly envelope: CommandEnvelope; readonly ifMatch?: number; readonly maxRetries: number },
): Promise<CommandOutcome<PlacementState, PlacementEvent>> {
  return handleCommand(store, clock, {
    streamId: placementStreamId(request.placementId),
    model: placementModel,
    decide: placementDecision(request.command, config),
    envelope: request.envelope,
    mustExist: request.command.type !== 'RequestPlacement',
    ifMatch: request.ifMatch,
    maxRetries: request.maxRetries,
  });
}

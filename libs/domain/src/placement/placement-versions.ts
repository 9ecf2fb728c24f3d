import { DomainError } from '../shared/domain-error';
import { PLACEMENT_EVENT_TYPES, type PlacementEvent, type PlacementEventType } from './placement-events';

/** Current schema version of each stored placement event type. */
export const PLACEMENT_EVENT_VERSIONS: Readonly<Record<PlacementEventType, number>> = {
  PlacementRequested: 1, InHouseSearchRecorded: 2, PlacementMatchedInHouse: 1, PlacementCommissioned: 1,
  ReviewDueFlagged: 1, ReviewOverdueFlagged: 1, FourWeekReviewRecorded: 1, PlacementExtended: 1,
  PlacementRateChanged: 1, JointFundingAgreed: 1, PlacementEnded: 1, PlacementRequestWithdrawn: 1,
};

const EVENT_TYPES: ReadonlySet<string> = new Set(PLACEMENT_EVENT_TYPES);
const isPlacementEventType = (type: string): type is PlacementEventType => EVENT_TYPES.has(type);

/**
 * Reads a stored event of any version as the current shape; stored events are never rewritten.
 * InHouseSearchRecorded v1 did not store whether an option was available: it is derived from the options.
 */
export function upcastPlacementEvent(type: string, version: number, data: unknown): PlacementEvent {
  if (!isPlacementEventType(type)) throw new DomainError('placement-state', `Unknown placement event type ${type}`);
  const record = data as Record<string, unknown>;
  if (type === 'InHouseSearchRecorded' && version < 2) {
    const options = (record.options ?? []) as { outcome?: string }[];
    return { type, data: { ...record, inHouseOptionAvailable: options.some((o) => o.outcome === 'available') } } as PlacementEvent;
  }
  return { type, data: record } as PlacementEvent;
}

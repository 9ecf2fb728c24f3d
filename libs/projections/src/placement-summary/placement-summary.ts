import type { PlacementEvent } from '@ledger/domain';

export type PlacementStatus = 'requested' | 'matched-in-house' | 'commissioned' | 'ended' | 'withdrawn';
export const PLACEMENT_STATUSES: readonly PlacementStatus[] = ['requested', 'matched-in-house', 'commissioned', 'ended', 'withdrawn'];

/** One row of the placements list: what a commissioner scans to find a placement. */
export interface PlacementSummary {
  readonly placementId: string;
  readonly status: PlacementStatus;
  readonly childRef: string;
  readonly placementType: string | null;
  readonly costCentre: string | null;
  readonly providerId: string | null;
  readonly providerName: string | null;
  readonly weeklyRatePence: number | null;
  readonly startDate: string | null;
  /** Exclusive end of the current term. */
  readonly termEnd: string | null;
  readonly endDate: string | null;
  readonly revision: number;
  readonly lastRecordedAt: string;
}

export function emptySummary(placementId: string): PlacementSummary {
  return {
    placementId, status: 'requested', childRef: '', placementType: null, costCentre: null, providerId: null,
    providerName: null, weeklyRatePence: null, startDate: null, termEnd: null, endDate: null, revision: -1, lastRecordedAt: '',
  };
}

/** The current weekly rate is the one in force from the latest effective date recorded. */
export function evolveSummary(
  row: PlacementSummary,
  event: PlacementEvent,
  meta: { revision: number; recordedAt: string; rateFrom?: string },
): PlacementSummary {
  const next = { ...row, revision: meta.revision, lastRecordedAt: meta.recordedAt };
  switch (event.type) {
    case 'PlacementRequested':
      return { ...next, status: 'requested', childRef: event.data.childRef };
    case 'PlacementMatchedInHouse':
      return { ...next, status: 'matched-in-house', startDate: event.data.startDate };
    case 'PlacementCommissioned':
      return {
        ...next, status: 'commissioned', placementType: event.data.placementType, costCentre: event.data.costCentre,
        providerId: event.data.provider.id, providerName: event.data.provider.name,
        weeklyRatePence: event.data.weeklyRatePence, startDate: event.data.startDate, termEnd: event.data.termEnd,
      };
    case 'PlacementExtended':
      return { ...next, termEnd: event.data.newTermEnd, weeklyRatePence: event.data.weeklyRatePence ?? next.weeklyRatePence };
    case 'PlacementRateChanged':
      return { ...next, weeklyRatePence: event.data.weeklyRatePence };
    case 'PlacementEnded':
      return { ...next, status: 'ended', endDate: event.data.endDate };
    case 'PlacementRequestWithdrawn':
      return { ...next, status: 'withdrawn' };
    case 'InHouseSearchRecorded':
    case 'ReviewDueFlagged':
    case 'ReviewOverdueFlagged':
    case 'FourWeekReviewRecorded':
    case 'JointFundingAgreed':
      return next;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

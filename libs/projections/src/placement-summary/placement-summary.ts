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
  /**
   * The weekly rate in force as of the day the list was asked for (today), from `rates`; without a day,
   * the rate with the latest effective date (the domain's current rate).
   */
  readonly weeklyRatePence: number | null;
  /** Every weekly rate by effective date, ascending, each in force until the next (backdated ones slotted in). */
  readonly rates: readonly { readonly effectiveFrom: string; readonly weeklyRatePence: number }[];
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
    providerName: null, weeklyRatePence: null, rates: [], startDate: null, termEnd: null, endDate: null, revision: -1, lastRecordedAt: '',
  };
}

/** The rates with one more, in effective-date order; a rate from the same day replaces the earlier one. */
function withRate(rates: PlacementSummary['rates'], effectiveFrom: string, weeklyRatePence: number): PlacementSummary['rates'] {
  return [...rates.filter((r) => r.effectiveFrom !== effectiveFrom), { effectiveFrom, weeklyRatePence }]
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
}

/** The rate in force on `day`: the latest effective on or before it, or the first if all lie ahead. */
export function rateInForce(rates: PlacementSummary['rates'], day?: string): number | null {
  if (rates.length === 0) return null;
  if (day === undefined) return rates[rates.length - 1].weeklyRatePence;
  let rate = rates[0].weeklyRatePence;
  for (const r of rates) if (r.effectiveFrom <= day) rate = r.weeklyRatePence;
  return rate;
}

/** The summary's rate is the latest-effective one (a backdated change is slotted in by its date, not its recording). */
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
        weeklyRatePence: event.data.weeklyRatePence, rates: [{ effectiveFrom: event.data.startDate, weeklyRatePence: event.data.weeklyRatePence }],
        startDate: event.data.startDate, termEnd: event.data.termEnd,
      };
    case 'PlacementExtended': {
      if (event.data.weeklyRatePence === undefined) return { ...next, termEnd: event.data.newTermEnd };
      const rates = withRate(next.rates, event.data.previousTermEnd, event.data.weeklyRatePence);
      return { ...next, termEnd: event.data.newTermEnd, rates, weeklyRatePence: rateInForce(rates) };
    }
    case 'PlacementRateChanged': {
      const rates = withRate(next.rates, event.data.effectiveFrom, event.data.weeklyRatePence);
      return { ...next, rates, weeklyRatePence: rateInForce(rates) };
    }
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

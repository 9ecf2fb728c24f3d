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

type Rate = PlacementSummary['rates'][number];

/** A summary being moved on by a run of events: one copy per placement per batch, changed in place. */
export type SummaryDraft = { -readonly [K in keyof PlacementSummary]: PlacementSummary[K] } & { rates: Rate[] };

export const draftOf = (row: PlacementSummary): SummaryDraft => ({ ...row, rates: [...row.rates] });

/** Sets a rate in effective-date order; a rate from the same day replaces the earlier one. */
function setRate(rates: Rate[], effectiveFrom: string, weeklyRatePence: number): void {
  const rate = { effectiveFrom, weeklyRatePence };
  const same = rates.findIndex((r) => r.effectiveFrom === effectiveFrom);
  if (same >= 0) {
    rates[same] = rate;
    return;
  }
  const later = rates.findIndex((r) => r.effectiveFrom > effectiveFrom);
  rates.splice(later < 0 ? rates.length : later, 0, rate);
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
  meta: { revision: number; recordedAt: string },
): PlacementSummary {
  const draft = draftOf(row);
  foldIntoSummary(draft, event, meta);
  return draft;
}

/** `evolveSummary` on a draft, in place: what a batch does for each of its events. */
export function foldIntoSummary(draft: SummaryDraft, event: PlacementEvent, meta: { revision: number; recordedAt: string }): void {
  draft.revision = meta.revision;
  draft.lastRecordedAt = meta.recordedAt;
  switch (event.type) {
    case 'PlacementRequested':
      draft.status = 'requested';
      draft.childRef = event.data.childRef;
      return;
    case 'PlacementMatchedInHouse':
      draft.status = 'matched-in-house';
      draft.startDate = event.data.startDate;
      return;
    case 'PlacementCommissioned':
      Object.assign(draft, {
        status: 'commissioned', placementType: event.data.placementType, costCentre: event.data.costCentre,
        providerId: event.data.provider.id, providerName: event.data.provider.name,
        weeklyRatePence: event.data.weeklyRatePence, rates: [{ effectiveFrom: event.data.startDate, weeklyRatePence: event.data.weeklyRatePence }],
        startDate: event.data.startDate, termEnd: event.data.termEnd,
      } satisfies Partial<SummaryDraft>);
      return;
    case 'PlacementExtended':
      draft.termEnd = event.data.newTermEnd;
      if (event.data.weeklyRatePence === undefined) return;
      setRate(draft.rates, event.data.previousTermEnd, event.data.weeklyRatePence);
      draft.weeklyRatePence = rateInForce(draft.rates);
      return;
    case 'PlacementRateChanged':
      setRate(draft.rates, event.data.effectiveFrom, event.data.weeklyRatePence);
      draft.weeklyRatePence = rateInForce(draft.rates);
      return;
    case 'PlacementEnded':
      draft.status = 'ended';
      draft.endDate = event.data.endDate;
      return;
    case 'PlacementRequestWithdrawn':
      draft.status = 'withdrawn';
      return;
    case 'InHouseSearchRecorded':
    case 'ReviewDueFlagged':
    case 'ReviewOverdueFlagged':
    case 'FourWeekReviewRecorded':
    case 'JointFundingAgreed':
      return;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

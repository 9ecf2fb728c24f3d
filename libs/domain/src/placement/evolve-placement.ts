import type { LocalDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import type { PlacementEvent } from './placement-events';
import type { ExternalPlacement, PlacementState, RateRecord } from './placement-state';

/** Inserts a rate in effective-date order; a rate at the same date replaces the earlier one. */
function withRate(rates: readonly RateRecord[], effectiveFrom: LocalDate, weeklyRatePence: Pence): RateRecord[] {
  return [...rates.filter((r) => r.effectiveFrom !== effectiveFrom), { effectiveFrom, weeklyRatePence }]
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
}

function external(state: PlacementState): ExternalPlacement | undefined {
  return state.status === 'Commissioned' || state.status === 'Ended' ? state : undefined;
}

/** Folds one event into the state. Pure; an event that does not fit the state leaves it unchanged. */
export function evolvePlacement(state: PlacementState, event: PlacementEvent): PlacementState {
  switch (event.type) {
    case 'PlacementRequested': {
      const { placementId, childRef, ...request } = event.data;
      return { status: 'Requested', placementId, childRef, request, searches: [] };
    }
    case 'InHouseSearchRecorded': {
      if (state.status === 'Initial') return state;
      const { searchedOn, options, inHouseOptionAvailable } = event.data;
      return { ...state, searches: [...state.searches, { searchedOn, options, inHouseOptionAvailable }] };
    }
    case 'PlacementMatchedInHouse':
      return state.status === 'Requested' ? { ...state, status: 'MatchedInHouse', resource: event.data.resource, startDate: event.data.startDate } : state;
    case 'PlacementRequestWithdrawn':
      return state.status === 'Requested' ? { ...state, status: 'Withdrawn', reason: event.data.reason } : state;
    case 'PlacementCommissioned': {
      if (state.status !== 'Requested') return state;
      const d = event.data;
      return {
        status: 'Commissioned', placementId: state.placementId, childRef: state.childRef, request: state.request,
        searches: state.searches, provider: d.provider, placementType: d.placementType, costCentre: d.costCentre,
        startDate: d.startDate, initialTermDays: d.initialTermDays, termEnd: d.termEnd, emergencyReason: d.emergencyReason,
        rates: [{ effectiveFrom: d.startDate, weeklyRatePence: d.weeklyRatePence }], reviews: [], flaggedDue: [],
        flaggedOverdue: [], jointFunding: [], extensions: [],
      };
    }
    case 'ReviewDueFlagged': {
      const placement = external(state);
      return placement ? { ...state, flaggedDue: [...placement.flaggedDue, event.data.termEnd] } as PlacementState : state;
    }
    case 'ReviewOverdueFlagged': {
      const placement = external(state);
      return placement ? { ...state, flaggedOverdue: [...placement.flaggedOverdue, event.data.termEnd] } as PlacementState : state;
    }
    case 'FourWeekReviewRecorded': {
      const placement = external(state);
      const { termEnd, reviewedOn, outcome, onTime } = event.data;
      return placement ? { ...state, reviews: [...placement.reviews, { termEnd, reviewedOn, outcome, onTime }] } as PlacementState : state;
    }
    case 'PlacementExtended': {
      const placement = external(state);
      if (!placement) return state;
      const rates = event.data.weeklyRatePence === undefined ? placement.rates
        : withRate(placement.rates, event.data.previousTermEnd, event.data.weeklyRatePence);
      const extensions = [...placement.extensions, { previousTermEnd: event.data.previousTermEnd, newTermEnd: event.data.newTermEnd }];
      return { ...state, termEnd: event.data.newTermEnd, rates, extensions } as PlacementState;
    }
    case 'PlacementRateChanged': {
      const placement = external(state);
      return placement ? { ...state, rates: withRate(placement.rates, event.data.effectiveFrom, event.data.weeklyRatePence) } as PlacementState : state;
    }
    case 'JointFundingAgreed': {
      const placement = external(state);
      const { contributor, shareBasisPoints, effectiveFrom } = event.data;
      return placement ? { ...state, jointFunding: [...placement.jointFunding, { contributor, shareBasisPoints, effectiveFrom }] } as PlacementState : state;
    }
    case 'PlacementEnded': {
      const placement = external(state);
      return placement ? { ...placement, status: 'Ended', endDate: event.data.endDate, endReason: event.data.reason } : state;
    }
    default: {
      const unreachable: never = event;
      throw new Error(`Unknown placement event ${JSON.stringify(unreachable)}`);
    }
  }
}

import { compareDates, type LocalDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import type { PlacementEvent } from './placement-events';
import { isExternal, type ExternalPlacementState, type PlacementState, type RateRecord } from './placement-state';

/** Slots a rate in by effective date; a rate at the same date replaces the earlier one (a correction). */
function withRate(rates: readonly RateRecord[], effectiveFrom: LocalDate, weeklyRatePence: Pence): RateRecord[] {
  return [...rates.filter((r) => r.effectiveFrom !== effectiveFrom), { effectiveFrom, weeklyRatePence }]
    .sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
}

/**
 * An ended placement written out as one literal. A spread that adds properties (`{ ...state, endDate }`)
 * gives every object it makes a hidden class of its own: a national ledger's 15,000 ended placements
 * had 15,000, and every report's pass over the placements then looked each field up the slow way.
 */
function ended(s: ExternalPlacementState, endDate: LocalDate, endReason: string): PlacementState {
  return {
    status: 'Ended', placementId: s.placementId, childRef: s.childRef, request: s.request, searches: s.searches,
    provider: s.provider, placementType: s.placementType, costCentre: s.costCentre, startDate: s.startDate,
    initialTermDays: s.initialTermDays, termEnd: s.termEnd, ...(s.emergencyReason === undefined ? {} : { emergencyReason: s.emergencyReason }),
    weeklyRatePence: s.weeklyRatePence, rates: s.rates, reviews: s.reviews, flaggedDue: s.flaggedDue,
    flaggedOverdue: s.flaggedOverdue, jointFunding: s.jointFunding, extensions: s.extensions, endDate, endReason,
  };
}

const latestRate = (rates: readonly RateRecord[]): Pence => rates[rates.length - 1].weeklyRatePence;

/**
 * Folds one event into the state. Pure; an event that does not fit the state (which the decider never
 * produces) leaves it unchanged, so a stream is always readable.
 */
export function evolvePlacement(state: PlacementState, event: PlacementEvent): PlacementState {
  switch (event.type) {
    case 'PlacementRequested': {
      if (state.status !== 'Initial') return state;
      const { placementId, childRef, ...request } = event.data;
      return { status: 'Requested', placementId, childRef, request, searches: [] };
    }
    case 'InHouseSearchRecorded': {
      if (state.status === 'Initial') return state;
      const { searchedOn, options, inHouseOptionAvailable } = event.data;
      return { ...state, searches: [...state.searches, { searchedOn, options, inHouseOptionAvailable }] };
    }
    case 'PlacementMatchedInHouse': {
      if (state.status !== 'Requested') return state;
      const { placementId, childRef, request, searches } = state; // one literal per shape, as `ended` explains
      return { status: 'MatchedInHouse', placementId, childRef, request, searches, resource: event.data.resource, startDate: event.data.startDate };
    }
    case 'PlacementRequestWithdrawn': {
      if (state.status !== 'Requested') return state;
      const { placementId, childRef, request, searches } = state;
      return { status: 'Withdrawn', placementId, childRef, request, searches, reason: event.data.reason };
    }
    case 'PlacementCommissioned': {
      if (state.status !== 'Requested') return state;
      const d = event.data;
      return {
        status: 'Commissioned', placementId: state.placementId, childRef: state.childRef, request: state.request,
        searches: state.searches, provider: d.provider, placementType: d.placementType, costCentre: d.costCentre,
        startDate: d.startDate, initialTermDays: d.initialTermDays, termEnd: d.termEnd,
        ...(d.emergencyReason === undefined ? {} : { emergencyReason: d.emergencyReason }), weeklyRatePence: d.weeklyRatePence,
        rates: [{ effectiveFrom: d.startDate, weeklyRatePence: d.weeklyRatePence }], reviews: [], flaggedDue: [],
        flaggedOverdue: [], jointFunding: [], extensions: [],
      };
    }
    case 'ReviewDueFlagged':
      return isExternal(state) ? { ...state, flaggedDue: [...state.flaggedDue, event.data.termEnd] } : state;
    case 'ReviewOverdueFlagged':
      return isExternal(state) ? { ...state, flaggedOverdue: [...state.flaggedOverdue, event.data.termEnd] } : state;
    case 'FourWeekReviewRecorded': {
      const { termEnd, reviewedOn, outcome, onTime } = event.data;
      return isExternal(state) ? { ...state, reviews: [...state.reviews, { termEnd, reviewedOn, outcome, onTime }] } : state;
    }
    case 'PlacementExtended': {
      if (!isExternal(state)) return state;
      const { previousTermEnd, newTermEnd, weeklyRatePence } = event.data;
      const rates = weeklyRatePence === undefined ? state.rates : withRate(state.rates, previousTermEnd, weeklyRatePence);
      return { ...state, termEnd: newTermEnd, rates, weeklyRatePence: latestRate(rates), extensions: [...state.extensions, { previousTermEnd, newTermEnd }] };
    }
    case 'PlacementRateChanged': {
      if (!isExternal(state)) return state;
      const rates = withRate(state.rates, event.data.effectiveFrom, event.data.weeklyRatePence);
      return { ...state, rates, weeklyRatePence: latestRate(rates) };
    }
    case 'JointFundingAgreed': {
      const { contributor, shareBasisPoints, effectiveFrom } = event.data;
      return isExternal(state) ? { ...state, jointFunding: [...state.jointFunding, { contributor, shareBasisPoints, effectiveFrom }] } : state;
    }
    case 'PlacementEnded':
      return isExternal(state) ? ended(state, event.data.endDate, event.data.reason) : state;
    default: {
      const unreachable: never = event;
      throw new Error(`Unknown placement event ${JSON.stringify(unreachable)}`);
    }
  }
}

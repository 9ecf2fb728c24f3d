import { addDays } from '../calendar/local-date';
import { DomainError } from '../shared/domain-error';
import type { CommandOf } from './decide-placement';
import type { DecisionContext } from './placement-commands';
import type { PlacementEvent } from './placement-events';
import { checkRateBand, dateOrder, describeStatus, expectExternal, isBlank, MAX_INITIAL_TERM_DAYS } from './placement-rules';
import { latestSearch, rateOn, reviewOfCurrentTerm, type PlacementState } from './placement-state';

/**
 * In-house first. The search relied on is the latest dated on or before the start: if it found an
 * available option the request is met in-house, not commissioned. With no such search only an
 * emergency with a stated reason may go ahead; the search must then follow within 5 working days,
 * which the compliance report judges (it is not refused here). The start may be earlier than the
 * request's `requiredFrom`: emergencies move faster than plans.
 */
export function decideCommission(command: CommandOf<'CommissionPlacement'>, state: PlacementState, context: DecisionContext): PlacementEvent[] {
  if (state.status !== 'Requested') throw new DomainError('placement-state', `Cannot commission: the placement is ${describeStatus(state)}`);
  const d = command.data;
  const search = latestSearch(state.searches, d.startDate);
  if (search?.inHouseOptionAvailable) {
    throw new DomainError('in-house-first', `The in-house search on ${search.searchedOn} found an available option: the request is met in-house`);
  }
  if (search === undefined && isBlank(d.emergencyReason)) {
    throw new DomainError('in-house-first', 'Record an in-house search on or before the start date, or give an emergencyReason', 'emergencyReason');
  }
  const initialTermDays = d.initialTermDays ?? MAX_INITIAL_TERM_DAYS;
  if (!Number.isInteger(initialTermDays) || initialTermDays < 1 || initialTermDays > MAX_INITIAL_TERM_DAYS) {
    throw new DomainError('initial-term', `An external placement is commissioned for 1 to ${MAX_INITIAL_TERM_DAYS} days at first`, 'initialTermDays');
  }
  checkRateBand(d.weeklyRatePence, d.placementType, d.rateException, context);
  return [{ type: 'PlacementCommissioned', data: {
    placementId: state.placementId, provider: d.provider, placementType: d.placementType, weeklyRatePence: d.weeklyRatePence,
    startDate: d.startDate, initialTermDays, termEnd: addDays(d.startDate, initialTermDays), costCentre: d.costCentre,
    ...(isBlank(d.emergencyReason) ? {} : { emergencyReason: d.emergencyReason }),
    ...(d.rateException === undefined ? {} : { rateException: d.rateException }),
    ...(search === undefined ? {} : { inHouseSearchOn: search.searchedOn }),
    ...(d.budgetWarning === undefined ? {} : { budgetWarning: d.budgetWarning }),
  } }];
}

/**
 * A review is of the current term, once per term, dated within the placement and not after today.
 * One made on or after the term end is still recorded, as late (onTime false): the fact matters more
 * than the refusal.
 */
export function decideReview(command: CommandOf<'RecordFourWeekReview'>, state: PlacementState, context: DecisionContext): PlacementEvent[] {
  const placement = expectExternal(state, 'record a review');
  const { reviewedOn } = command.data;
  dateOrder(reviewedOn >= placement.startDate, `A review cannot come before the placement started on ${placement.startDate}`, 'reviewedOn');
  dateOrder(reviewedOn <= context.today, `A review cannot be dated after today (${context.today})`, 'reviewedOn');
  if (reviewOfCurrentTerm(placement) !== undefined) {
    throw new DomainError('placement-state', `The term ending ${placement.termEnd} has already been reviewed`);
  }
  return [{ type: 'FourWeekReviewRecorded', data: {
    placementId: placement.placementId, ...command.data, termEnd: placement.termEnd, onTime: reviewedOn < placement.termEnd,
  } }];
}

/**
 * No extension without a review of the current term that decided to extend. A new rate runs from the
 * previous term end; one equal to the rate in force then is no change and is left out of the event
 * (and is not held to the band: the rate in force was accepted when it was set).
 */
export function decideExtension(command: CommandOf<'ExtendPlacement'>, state: PlacementState, context: DecisionContext): PlacementEvent[] {
  const placement = expectExternal(state, 'extend');
  const review = reviewOfCurrentTerm(placement);
  if (review === undefined || review.outcome !== 'extend') {
    throw new DomainError('review-before-extension', review === undefined
      ? `Record the four-week review of the term ending ${placement.termEnd} before extending`
      : `The review of the term ending ${placement.termEnd} decided "${review.outcome}", not to extend`);
  }
  const { newTermEnd, weeklyRatePence, rateException, reason } = command.data;
  dateOrder(newTermEnd > placement.termEnd, `An extension must run beyond the current term end ${placement.termEnd}`, 'newTermEnd');
  const changesRate = weeklyRatePence !== undefined && weeklyRatePence !== rateOn(placement, placement.termEnd);
  if (changesRate) checkRateBand(weeklyRatePence, placement.placementType, rateException, context);
  return [{ type: 'PlacementExtended', data: {
    placementId: placement.placementId, previousTermEnd: placement.termEnd, newTermEnd, reason,
    ...(changesRate ? { weeklyRatePence } : {}), ...(changesRate && rateException ? { rateException } : {}),
  } }];
}

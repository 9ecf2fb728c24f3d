import { addDays } from '../calendar/local-date';
import { DomainError } from '../shared/domain-error';
import type { DecisionContext, PlacementCommand } from './placement-commands';
import type { PlacementEvent } from './placement-events';
import { checkRateBand, dateOrder, describe, expectExternal, isBlank, MAX_INITIAL_TERM_DAYS } from './placement-rules';
import { rateOn, reviewOfCurrentTerm, type PlacementState } from './placement-state';

type Command<T extends PlacementCommand['type']> = Extract<PlacementCommand, { type: T }>;

/** What a command produces from the current state; pure, throws DomainError when a rule refuses it. */
export function decidePlacement(command: PlacementCommand, state: PlacementState, context: DecisionContext): PlacementEvent[] {
  switch (command.type) {
    case 'RequestPlacement':
      if (state.status !== 'Initial') throw new DomainError('placement-state', 'This placement has already been requested');
      return [{ type: 'PlacementRequested', data: command.data }];
    case 'RecordInHouseSearch':
      return recordSearch(command, state);
    case 'MatchInHouse': {
      if (state.status !== 'Requested') throw new DomainError('placement-state', `Cannot match in-house: the placement is ${describe(state)}`);
      const latest = state.searches[state.searches.length - 1];
      if (latest === undefined || !latest.inHouseOptionAvailable) {
        throw new DomainError('in-house-first', 'Record an in-house search that found an available option before matching in-house');
      }
      return [{ type: 'PlacementMatchedInHouse', data: { placementId: state.placementId, ...command.data } }];
    }
    case 'CommissionPlacement':
      return commission(command, state, context);
    case 'RecordFourWeekReview': {
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
    case 'ExtendPlacement':
      return extend(command, state, context);
    case 'ChangeRate': {
      const placement = expectExternal(state, 'change the rate', true);
      const { effectiveFrom, weeklyRatePence } = command.data;
      dateOrder(effectiveFrom >= placement.startDate, `A rate cannot take effect before the start on ${placement.startDate}`, 'effectiveFrom');
      if (placement.status === 'Ended') dateOrder(effectiveFrom < placement.endDate, `A rate cannot take effect on or after the end on ${placement.endDate}`, 'effectiveFrom');
      const previous = rateOn(placement, effectiveFrom);
      if (previous === weeklyRatePence) throw new DomainError('placement-state', `The rate on ${effectiveFrom} is already that amount`, 'weeklyRatePence');
      checkRateBand(weeklyRatePence, placement.placementType, command.data.rateException, context);
      return [{ type: 'PlacementRateChanged', data: { placementId: placement.placementId, ...command.data, previousWeeklyRatePence: previous } }];
    }
    case 'AgreeJointFunding': {
      const placement = expectExternal(state, 'agree joint funding', true);
      const { contributor, shareBasisPoints, effectiveFrom } = command.data;
      dateOrder(effectiveFrom >= placement.startDate, `Joint funding cannot start before the placement on ${placement.startDate}`, 'effectiveFrom');
      if (!Number.isInteger(shareBasisPoints) || shareBasisPoints < 1 || shareBasisPoints > 10_000) {
        throw new DomainError('joint-funding', 'A share is 1 to 10000 basis points', 'shareBasisPoints');
      }
      const latest = new Map(placement.jointFunding.map((share) => [share.contributor, share.shareBasisPoints]));
      latest.set(contributor, shareBasisPoints);
      const total = [...latest.values()].reduce((sum, bp) => sum + bp, 0);
      if (total > 10_000) throw new DomainError('joint-funding', `Contributions would cover ${total / 100}% of the cost; at most 100%`, 'shareBasisPoints');
      return [{ type: 'JointFundingAgreed', data: { placementId: placement.placementId, ...command.data } }];
    }
    case 'EndPlacement': {
      const placement = expectExternal(state, 'end the placement', true);
      const { endDate, reason } = command.data;
      dateOrder(endDate >= placement.startDate, `The end cannot come before the start on ${placement.startDate}`, 'endDate');
      if (placement.status === 'Ended' && placement.endDate === endDate) {
        throw new DomainError('placement-state', `The placement already ended on ${endDate}`);
      }
      const correction = placement.status === 'Ended' ? { correctsEndDate: placement.endDate } : {};
      return [{ type: 'PlacementEnded', data: { placementId: placement.placementId, endDate, reason, ...correction } }];
    }
    case 'WithdrawRequest':
      if (state.status !== 'Requested') throw new DomainError('placement-state', `Cannot withdraw: the placement is ${describe(state)}`);
      return [{ type: 'PlacementRequestWithdrawn', data: { placementId: state.placementId, reason: command.data.reason } }];
    case 'FlagReviewDue': {
      if (state.status !== 'Commissioned' || reviewOfCurrentTerm(state) !== undefined || state.flaggedDue.includes(state.termEnd)) return [];
      const due = addDays(state.termEnd, -context.reviewDueWithinDays) <= context.today && context.today < state.termEnd;
      return due ? [{ type: 'ReviewDueFlagged', data: { placementId: state.placementId, termEnd: state.termEnd, flaggedOn: context.today } }] : [];
    }
    case 'FlagReviewOverdue': {
      if (state.status !== 'Commissioned' || reviewOfCurrentTerm(state) !== undefined || state.flaggedOverdue.includes(state.termEnd)) return [];
      return context.today >= state.termEnd
        ? [{ type: 'ReviewOverdueFlagged', data: { placementId: state.placementId, termEnd: state.termEnd, flaggedOn: context.today } }]
        : [];
    }
    default: {
      const unreachable: never = command;
      throw new Error(`Unknown placement command ${JSON.stringify(unreachable)}`);
    }
  }
}

function recordSearch(command: Command<'RecordInHouseSearch'>, state: PlacementState): PlacementEvent[] {
  if (state.status !== 'Requested' && state.status !== 'Commissioned') {
    throw new DomainError('placement-state', `Cannot record an in-house search: the placement is ${describe(state)}`);
  }
  if (command.data.options.length === 0) throw new DomainError('in-house-first', 'A search lists the in-house options considered', 'options');
  return [{ type: 'InHouseSearchRecorded', data: {
    placementId: state.placementId, ...command.data,
    inHouseOptionAvailable: command.data.options.some((option) => option.outcome === 'available'),
  } }];
}

/**
 * In-house first: the latest search on or before the start must have found nothing available; with no
 * such search, only an emergency with a stated reason may go ahead (its search is checked for
 * timeliness by the compliance report, not refused here).
 */
function commission(command: Command<'CommissionPlacement'>, state: PlacementState, context: DecisionContext): PlacementEvent[] {
  if (state.status !== 'Requested') throw new DomainError('placement-state', `Cannot commission: the placement is ${describe(state)}`);
  const d = command.data;
  const priorSearches = state.searches.filter((search) => search.searchedOn <= d.startDate);
  const latest = priorSearches[priorSearches.length - 1];
  if (latest?.inHouseOptionAvailable) {
    throw new DomainError('in-house-first', `The in-house search on ${latest.searchedOn} found an available option: meet the request in-house`);
  }
  if (latest === undefined && isBlank(d.emergencyReason)) {
    throw new DomainError('in-house-first', 'Record an in-house search on or before the start date, or give an emergencyReason', 'emergencyReason');
  }
  const initialTermDays = d.initialTermDays ?? MAX_INITIAL_TERM_DAYS;
  if (!Number.isInteger(initialTermDays) || initialTermDays < 1 || initialTermDays > MAX_INITIAL_TERM_DAYS) {
    throw new DomainError('initial-term', `An external placement is commissioned for at most ${MAX_INITIAL_TERM_DAYS} days at first`, 'initialTermDays');
  }
  checkRateBand(d.weeklyRatePence, d.placementType, d.rateException, context);
  return [{ type: 'PlacementCommissioned', data: {
    placementId: state.placementId, provider: d.provider, placementType: d.placementType, weeklyRatePence: d.weeklyRatePence,
    startDate: d.startDate, initialTermDays, termEnd: addDays(d.startDate, initialTermDays), costCentre: d.costCentre,
    ...(isBlank(d.emergencyReason) ? {} : { emergencyReason: d.emergencyReason }),
    ...(d.rateException === undefined ? {} : { rateException: d.rateException }),
    ...(latest === undefined ? {} : { inHouseSearchOn: latest.searchedOn }),
  } }];
}

function extend(command: Command<'ExtendPlacement'>, state: PlacementState, context: DecisionContext): PlacementEvent[] {
  const placement = expectExternal(state, 'extend');
  const review = reviewOfCurrentTerm(placement);
  if (review === undefined || review.outcome !== 'extend') {
    throw new DomainError('review-before-extension', review === undefined
      ? `Record the four-week review of the term ending ${placement.termEnd} before extending`
      : `The review of the term ending ${placement.termEnd} decided "${review.outcome}", not to extend`);
  }
  const { newTermEnd, weeklyRatePence, rateException } = command.data;
  dateOrder(newTermEnd > placement.termEnd, `An extension must run beyond the current term end ${placement.termEnd}`, 'newTermEnd');
  const changesRate = weeklyRatePence !== undefined && weeklyRatePence !== rateOn(placement, placement.termEnd);
  if (changesRate) checkRateBand(weeklyRatePence, placement.placementType, rateException, context);
  return [{ type: 'PlacementExtended', data: {
    placementId: placement.placementId, previousTermEnd: placement.termEnd, newTermEnd, reason: command.data.reason,
    ...(changesRate ? { weeklyRatePence } : {}), ...(changesRate && rateException ? { rateException } : {}),
  } }];
}

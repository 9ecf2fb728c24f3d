import { DomainError } from '../shared/domain-error';
import { decideCommission, decideExtension, decideReview } from './decide-commission';
import { decideEnd, decideJointFunding, decideRateChange } from './decide-costs';
import type { DecisionContext, PlacementCommand } from './placement-commands';
import type { PlacementEvent } from './placement-events';
import { describeStatus } from './placement-rules';
import { latestSearch, type PlacementState } from './placement-state';
import { reviewStanding } from './review-standing';

export type CommandOf<T extends PlacementCommand['type']> = Extract<PlacementCommand, { type: T }>;

/** What a command produces from the current state; pure, throws DomainError when a rule refuses it. */
export function decidePlacement(command: PlacementCommand, state: PlacementState, context: DecisionContext): PlacementEvent[] {
  switch (command.type) {
    case 'RequestPlacement':
      if (state.status !== 'Initial') throw new DomainError('placement-state', 'This placement has already been requested');
      return [{ type: 'PlacementRequested', data: command.data }];
    case 'RecordInHouseSearch':
      return decideSearch(command, state);
    case 'MatchInHouse':
      return decideMatch(command, state);
    case 'CommissionPlacement':
      return decideCommission(command, state, context);
    case 'RecordFourWeekReview':
      return decideReview(command, state, context);
    case 'ExtendPlacement':
      return decideExtension(command, state, context);
    case 'ChangeRate':
      return decideRateChange(command, state, context);
    case 'AgreeJointFunding':
      return decideJointFunding(command, state);
    case 'EndPlacement':
      return decideEnd(command, state);
    case 'WithdrawRequest':
      if (state.status !== 'Requested') throw new DomainError('placement-state', `Cannot withdraw: the placement is ${describeStatus(state)}`);
      return [{ type: 'PlacementRequestWithdrawn', data: { placementId: state.placementId, reason: command.data.reason } }];
    case 'FlagReviewDue':
    case 'FlagReviewOverdue':
      return decideFlag(command, state, context);
    default: {
      const unreachable: never = command;
      throw new Error(`Unknown placement command ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * A search is recorded while the request is open, or after an emergency commission to ratify it
 * (the compliance report judges whether it came within 5 working days). It must list the options
 * considered; an empty list is refused under 'in-house-first', since it shows no search at all.
 */
function decideSearch(command: CommandOf<'RecordInHouseSearch'>, state: PlacementState): PlacementEvent[] {
  if (state.status !== 'Requested' && state.status !== 'Commissioned') {
    throw new DomainError('placement-state', `Cannot record an in-house search: the placement is ${describeStatus(state)}`);
  }
  if (command.data.options.length === 0) throw new DomainError('in-house-first', 'A search lists the in-house options considered', 'options');
  return [{ type: 'InHouseSearchRecorded', data: {
    placementId: state.placementId, ...command.data,
    inHouseOptionAvailable: command.data.options.some((option) => option.outcome === 'available'),
  } }];
}

/** Met in-house: the latest search (by date) must have found an available option; otherwise 'in-house-first'. */
function decideMatch(command: CommandOf<'MatchInHouse'>, state: PlacementState): PlacementEvent[] {
  if (state.status !== 'Requested') throw new DomainError('placement-state', `Cannot match in-house: the placement is ${describeStatus(state)}`);
  if (!latestSearch(state.searches)?.inHouseOptionAvailable) {
    throw new DomainError('in-house-first', 'Record an in-house search that found an available option before matching in-house');
  }
  return [{ type: 'PlacementMatchedInHouse', data: { placementId: state.placementId, ...command.data } }];
}

/**
 * The renewal sweep's questions. Never refused: a placement that does not qualify yields nothing, so
 * the sweep can ask every day and ask twice. At most one flag of each kind per term (by termEnd).
 */
function decideFlag(command: CommandOf<'FlagReviewDue' | 'FlagReviewOverdue'>, state: PlacementState, context: DecisionContext): PlacementEvent[] {
  if (state.status !== 'Commissioned') return [];
  const { termEnd } = state;
  const standing = reviewStanding(state, context.today, context.reviewDueWithinDays);
  const data = { placementId: state.placementId, termEnd, flaggedOn: context.today };
  if (command.type === 'FlagReviewDue') return standing === 'due' && !state.flaggedDue.includes(termEnd) ? [{ type: 'ReviewDueFlagged', data }] : [];
  return standing === 'overdue' && !state.flaggedOverdue.includes(termEnd) ? [{ type: 'ReviewOverdueFlagged', data }] : [];
}

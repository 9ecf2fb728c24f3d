import { peakTotalShareFrom, WHOLE_SHARE_BASIS_POINTS } from '../cost/joint-funding';
import { DomainError } from '../shared/domain-error';
import type { CommandOf } from './decide-placement';
import type { DecisionContext } from './placement-commands';
import type { PlacementEvent } from './placement-events';
import { checkRateBand, dateOrder, expectExternal, isBlank } from './placement-rules';
import { rateOn, type PlacementState } from './placement-state';

/**
 * A rate change takes effect from its date until the next later-effective rate; it may be backdated
 * (a correction from the start is normal) and, once ended, may correct days within the placement.
 * A change to the rate already in force on that date changes nothing and is refused ('placement-state'),
 * so a retried request cannot add a second, empty movement to the returns.
 */
export function decideRateChange(command: CommandOf<'ChangeRate'>, state: PlacementState, context: DecisionContext): PlacementEvent[] {
  const placement = expectExternal(state, 'change the rate', true);
  const { effectiveFrom, weeklyRatePence } = command.data;
  dateOrder(effectiveFrom >= placement.startDate, `A rate cannot take effect before the start on ${placement.startDate}`, 'effectiveFrom');
  if (placement.status === 'Ended') dateOrder(effectiveFrom < placement.endDate, `A rate cannot take effect on or after the end on ${placement.endDate}`, 'effectiveFrom');
  const previous = rateOn(placement, effectiveFrom);
  if (previous === weeklyRatePence) throw new DomainError('placement-state', `The rate on ${effectiveFrom} is already that amount`, 'weeklyRatePence');
  checkRateBand(weeklyRatePence, placement.placementType, command.data.rateException, context);
  return [{ type: 'PlacementRateChanged', data: { placementId: placement.placementId, ...command.data, previousWeeklyRatePence: previous } }];
}

/**
 * A contributor's share from a date, replacing its earlier share from then on. On no day may the
 * shares in force together pass the whole cost; once ended, a share must start before the end.
 */
export function decideJointFunding(command: CommandOf<'AgreeJointFunding'>, state: PlacementState): PlacementEvent[] {
  const placement = expectExternal(state, 'agree joint funding', true);
  const { contributor, shareBasisPoints, effectiveFrom } = command.data;
  if (isBlank(contributor)) throw new DomainError('joint-funding', 'Name the contributor', 'contributor');
  if (!Number.isInteger(shareBasisPoints) || shareBasisPoints < 1 || shareBasisPoints > WHOLE_SHARE_BASIS_POINTS) {
    throw new DomainError('joint-funding', `A share is 1 to ${WHOLE_SHARE_BASIS_POINTS} basis points`, 'shareBasisPoints');
  }
  dateOrder(effectiveFrom >= placement.startDate, `Joint funding cannot start before the placement on ${placement.startDate}`, 'effectiveFrom');
  if (placement.status === 'Ended') dateOrder(effectiveFrom < placement.endDate, `Joint funding cannot start on or after the end on ${placement.endDate}`, 'effectiveFrom');
  const peak = peakTotalShareFrom([...placement.jointFunding, { contributor, shareBasisPoints, effectiveFrom }], effectiveFrom);
  if (peak.basisPoints > WHOLE_SHARE_BASIS_POINTS) {
    throw new DomainError('joint-funding', `Contributions would cover ${peak.basisPoints / 100}% of the cost from ${peak.on}; at most 100%`, 'shareBasisPoints');
  }
  return [{ type: 'JointFundingAgreed', data: { placementId: placement.placementId, contributor, shareBasisPoints, effectiveFrom } }];
}

/**
 * The end date is the day the child left (not charged), on or after the start; it may lie in the past
 * or the future. A different end on an ended placement is a correction naming the date it replaces;
 * the same end again changes nothing and is refused. A request never commissioned is withdrawn, not ended.
 */
export function decideEnd(command: CommandOf<'EndPlacement'>, state: PlacementState): PlacementEvent[] {
  if (state.status === 'Requested') throw new DomainError('placement-state', 'Cannot end a request that was never commissioned: withdraw it instead');
  const placement = expectExternal(state, 'end the placement', true);
  const { endDate, reason } = command.data;
  dateOrder(endDate >= placement.startDate, `The end cannot come before the start on ${placement.startDate}`, 'endDate');
  if (placement.status === 'Ended' && placement.endDate === endDate) {
    throw new DomainError('placement-state', `The placement already ended on ${endDate}`);
  }
  const correction = placement.status === 'Ended' ? { correctsEndDate: placement.endDate } : {};
  return [{ type: 'PlacementEnded', data: { placementId: placement.placementId, endDate, reason, ...correction } }];
}

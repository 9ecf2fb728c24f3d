import { formatPounds } from '../money/pence';
import type { Pence } from '../money/pence';
import { DomainError } from '../shared/domain-error';
import type { DecisionContext, RateException } from './placement-commands';
import type { PlacementState } from './placement-state';

/** Commissioning is capped at four weeks before the first review (the strategies' rule). */
export const MAX_INITIAL_TERM_DAYS = 28;

export const isBlank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

/** Rates outside the band for the placement type need a reason and an approver. */
export function checkRateBand(rate: Pence, placementType: string, exception: RateException | undefined, context: DecisionContext, field = 'weeklyRatePence'): void {
  const band = context.rateBandFor(placementType);
  if (rate >= band.minPence && rate <= band.maxPence) return;
  if (exception !== undefined && !isBlank(exception.reason) && !isBlank(exception.approvedBy)) return;
  throw new DomainError('rate-band',
    `${formatPounds(rate)} a week is outside the ${placementType} band of ${formatPounds(band.minPence)}–${formatPounds(band.maxPence)}; ` +
    'record a rateException with a reason and who approved it', field);
}

type Active = Extract<PlacementState, { status: 'Commissioned' | 'Ended' }>;

export function expectExternal(state: PlacementState, action: string, allowEnded = false): Active {
  if (state.status === 'Commissioned' || (allowEnded && state.status === 'Ended')) return state;
  throw new DomainError('placement-state', `Cannot ${action}: the placement is ${describe(state)}`);
}

export function describe(state: PlacementState): string {
  switch (state.status) {
    case 'Initial': return 'not requested';
    case 'Requested': return 'requested and not yet commissioned';
    case 'MatchedInHouse': return 'already met in-house';
    case 'Withdrawn': return 'withdrawn';
    case 'Commissioned': return 'commissioned';
    case 'Ended': return `ended on ${state.endDate}`;
    default: {
      const unreachable: never = state;
      return String(unreachable);
    }
  }
}

export function dateOrder(ok: boolean, message: string, field: string): void {
  if (!ok) throw new DomainError('date-order', message, field);
}

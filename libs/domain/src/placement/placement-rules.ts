import { formatPounds, type Pence } from '../money/pence';
import { DomainError } from '../shared/domain-error';
import type { DecisionContext, RateException } from './placement-commands';
import type { ExternalPlacementState, PlacementState } from './placement-state';

/** Commissioning is capped at four weeks before the first review (the strategies' rule). */
export const MAX_INITIAL_TERM_DAYS = 28;

export const isBlank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

/** Rates outside the band for the placement type need a reason and an approver, both non-blank. */
export function checkRateBand(rate: Pence, placementType: string, exception: RateException | undefined, context: DecisionContext, field = 'weeklyRatePence'): void {
  const band = context.rateBandFor(placementType);
  if (rate >= band.minPence && rate <= band.maxPence) return;
  if (exception !== undefined && !isBlank(exception.reason) && !isBlank(exception.approvedBy)) return;
  throw new DomainError('rate-band',
    `${formatPounds(rate)} a week is outside the ${placementType} band of ${formatPounds(band.minPence)}–${formatPounds(band.maxPence)}; ` +
    'record a rateException with a reason and who approved it', field);
}

/** The placement as commissioned (or, when `allowEnded`, ended), or a 'placement-state' refusal. */
export function expectExternal(state: PlacementState, action: string, allowEnded = false): ExternalPlacementState {
  if (state.status === 'Commissioned' || (allowEnded && state.status === 'Ended')) return state;
  throw new DomainError('placement-state', `Cannot ${action}: the placement is ${describeStatus(state)}`);
}

/** The status in words, for refusals a commissioner reads. */
export function describeStatus(state: PlacementState): string {
  switch (state.status) {
    case 'Initial': return 'not requested';
    case 'Requested': return 'requested and not yet commissioned';
    case 'MatchedInHouse': return 'already met in-house';
    case 'Withdrawn': return 'withdrawn';
    case 'Commissioned': return 'commissioned';
    case 'Ended': return `ended on ${state.endDate}`;
    default: {
      const unreachable: never = state;
      throw new Error(`Unknown placement state ${JSON.stringify(unreachable)}`);
    }
  }
}

export function dateOrder(ok: boolean, message: string, field: string): void {
  if (!ok) throw new DomainError('date-order', message, field);
}

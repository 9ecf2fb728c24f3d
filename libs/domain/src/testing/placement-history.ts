import type { LocalDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import type { PlacementCommand } from '../placement/placement-commands';
import type { PlacementEvent } from '../placement/placement-events';

/** A typical IFA placement's history, event by event, for specs to start from. */
export const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const d = (s: string) => s as LocalDate;
const p = (n: number) => n as Pence;

export const provider = { id: 'IFA-017', name: 'Brightway Fostering', type: 'PR4', ofstedGrade: 'good' as const, distanceMiles: 12 };

export const requested: PlacementEvent = { type: 'PlacementRequested', data: {
  placementId: ID, childRef: 'LAC-7Q2P9', ageAtRequest: 11, needs: [], placementTypeSought: 'U4', urgency: 'planned',
  requiredFrom: d('2026-11-02'), siblingGroupSize: 1 } };

export const searched = (searchedOn = '2026-10-30', available = false): PlacementEvent => ({ type: 'InHouseSearchRecorded', data: {
  placementId: ID, searchedOn: d(searchedOn), inHouseOptionAvailable: available,
  options: [{ resource: 'In-house carers', outcome: available ? 'available' : 'unavailable' }] } });

export const commissioned = (overrides: Partial<Extract<PlacementEvent, { type: 'PlacementCommissioned' }>['data']> = {}): PlacementEvent => ({
  type: 'PlacementCommissioned', data: {
    placementId: ID, provider, placementType: 'U4', weeklyRatePence: p(95_000), startDate: d('2026-11-02'), initialTermDays: 28,
    termEnd: d('2026-11-30'), costCentre: 'CC-IFA', inHouseSearchOn: d('2026-10-30'), ...overrides } });

export const reviewed = (reviewedOn = '2026-11-25', outcome: 'extend' | 'end' | 'step-down-in-house' = 'extend', termEnd = '2026-11-30'): PlacementEvent => ({
  type: 'FourWeekReviewRecorded', data: { placementId: ID, reviewedOn: d(reviewedOn), outcome, termEnd: d(termEnd), onTime: reviewedOn < termEnd } });

export const extended = (newTermEnd = '2027-02-22', previousTermEnd = '2026-11-30'): PlacementEvent => ({
  type: 'PlacementExtended', data: { placementId: ID, previousTermEnd: d(previousTermEnd), newTermEnd: d(newTermEnd), reason: 'Settled' } });

export const ended = (endDate = '2026-12-20'): PlacementEvent => ({ type: 'PlacementEnded', data: { placementId: ID, endDate: d(endDate), reason: 'E4A' } });

export const commission = (overrides: Partial<Extract<PlacementCommand, { type: 'CommissionPlacement' }>['data']> = {}): PlacementCommand => ({
  type: 'CommissionPlacement', data: { provider, placementType: 'U4', weeklyRatePence: p(95_000), startDate: d('2026-11-02'), costCentre: 'CC-IFA', ...overrides } });

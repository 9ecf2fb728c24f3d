import type { LocalDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import type { InHouseOption, Provider, ReviewOutcome, Urgency } from './placement-commands';

export interface RequestDetails {
  readonly ageAtRequest: number;
  readonly needs: readonly string[];
  readonly placementTypeSought: string;
  readonly urgency: Urgency;
  readonly requiredFrom: LocalDate;
  readonly siblingGroupSize: number;
}

export interface SearchRecord {
  readonly searchedOn: LocalDate;
  readonly options: readonly InHouseOption[];
  /** Some option was available: the request is to be met in-house. */
  readonly inHouseOptionAvailable: boolean;
}

export interface ReviewRecord {
  /** The term reviewed, by its exclusive end. */
  readonly termEnd: LocalDate;
  readonly reviewedOn: LocalDate;
  readonly outcome: ReviewOutcome;
  /** reviewedOn < termEnd. */
  readonly onTime: boolean;
}

/** A weekly rate in force from `effectiveFrom` until the next later-effective rate. */
export interface RateRecord {
  readonly effectiveFrom: LocalDate;
  readonly weeklyRatePence: Pence;
}

export interface FundingShare {
  readonly contributor: string;
  /** Share of the gross cost, in basis points (10000 = all of it). */
  readonly shareBasisPoints: number;
  readonly effectiveFrom: LocalDate;
}

interface Identified {
  readonly placementId: string;
  /** Pseudonymous child reference; the ledger never holds a child's name. */
  readonly childRef: string;
  readonly request: RequestDetails;
  readonly searches: readonly SearchRecord[];
}

export interface ExternalPlacement extends Identified {
  readonly provider: Provider;
  /** SSDA903 PLACE code. */
  readonly placementType: string;
  readonly costCentre: string;
  /** First day charged. */
  readonly startDate: LocalDate;
  readonly initialTermDays: number;
  /** Exclusive end of the current term: the day a review must come before. */
  readonly termEnd: LocalDate;
  readonly emergencyReason?: string;
  /** Rates by effective date, ascending; the last is the rate in force at the latest date. */
  readonly rates: readonly RateRecord[];
  readonly reviews: readonly ReviewRecord[];
  /** Term ends for which the renewal sweep has flagged a review due / overdue. */
  readonly flaggedDue: readonly LocalDate[];
  readonly flaggedOverdue: readonly LocalDate[];
  readonly jointFunding: readonly FundingShare[];
  /** Renewals after a review: each moved the term end from `previousTermEnd` to `newTermEnd`. */
  readonly extensions: readonly { readonly previousTermEnd: LocalDate; readonly newTermEnd: LocalDate }[];
}

export type PlacementState =
  | { readonly status: 'Initial' }
  | ({ readonly status: 'Requested' } & Identified)
  | ({ readonly status: 'MatchedInHouse'; readonly resource: string; readonly startDate: LocalDate } & Identified)
  | ({ readonly status: 'Withdrawn'; readonly reason: string } & Identified)
  | ({ readonly status: 'Commissioned' } & ExternalPlacement)
  /** `endDate`: the day the child left, not charged. */
  | ({ readonly status: 'Ended'; readonly endDate: LocalDate; readonly endReason: string } & ExternalPlacement);

export type PlacementStatus = PlacementState['status'];

export const initialPlacementState: PlacementState = { status: 'Initial' };

export function currentRate(placement: ExternalPlacement): Pence {
  return placement.rates[placement.rates.length - 1].weeklyRatePence;
}

/** The rate in force on `date` (the commission rate before any change). */
export function rateOn(placement: ExternalPlacement, date: LocalDate): Pence {
  let rate = placement.rates[0].weeklyRatePence;
  for (const record of placement.rates) if (record.effectiveFrom <= date) rate = record.weeklyRatePence;
  return rate;
}

export function reviewOfCurrentTerm(placement: ExternalPlacement): ReviewRecord | undefined {
  return placement.reviews.find((review) => review.termEnd === placement.termEnd);
}

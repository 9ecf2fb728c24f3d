import type { LocalDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import type { InHouseOption, Provider, ReviewOutcome, Urgency } from './placement-commands';

/** What the commissioner asked for, as requested. */
export interface RequestDetails {
  readonly ageAtRequest: number;
  readonly needs: readonly string[];
  /** SSDA903 PLACE code of the placement sought. */
  readonly placementTypeSought: string;
  readonly urgency: Urgency;
  /** The date the child needs a placement from (a plan: a commission may start earlier in an emergency). */
  readonly requiredFrom: LocalDate;
  readonly siblingGroupSize: number;
}

/** An in-house search: in-house fostering, kinship/connected carers and the council's own homes considered. */
export interface SearchRecord {
  readonly searchedOn: LocalDate;
  readonly options: readonly InHouseOption[];
  /** Some option was available: the request is to be met in-house. */
  readonly inHouseOptionAvailable: boolean;
}

/** A four-week review: before a term ends, a decision to extend, end or step down to in-house. */
export interface ReviewRecord {
  /** The term reviewed, by its exclusive end. */
  readonly termEnd: LocalDate;
  readonly reviewedOn: LocalDate;
  readonly outcome: ReviewOutcome;
  /** On time: reviewedOn < termEnd (the review came within the term it reviews). */
  readonly onTime: boolean;
}

/** A weekly rate in force from `effectiveFrom` until the next later-effective rate. */
export interface RateRecord {
  readonly effectiveFrom: LocalDate;
  readonly weeklyRatePence: Pence;
}

/** A joint-funding agreement (Joint Solutions Forum): a contributor's share of the gross cost from a date. */
export interface FundingShare {
  /** `health`, `education` or another body; one current share per contributor. */
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

/** An external placement: commissioned from a provider, charged to a cost centre. */
export interface ExternalPlacement extends Identified {
  readonly provider: Provider;
  /** SSDA903 PLACE code. */
  readonly placementType: string;
  /** The budget line the cost is charged to. */
  readonly costCentre: string;
  /** First day charged: the day the child arrived. */
  readonly startDate: LocalDate;
  /** Length of the initial term commissioned, 1–28 days. */
  readonly initialTermDays: number;
  /**
   * Exclusive end of the current term: the term runs [startDate or the previous termEnd, termEnd).
   * A review of the term is on time when reviewedOn < termEnd; an extension moves it on.
   */
  readonly termEnd: LocalDate;
  /** Why the placement was commissioned without a prior in-house search (to be ratified within 5 working days). */
  readonly emergencyReason?: string;
  /** The latest weekly rate: the one in force from the last rate's effective date on. */
  readonly weeklyRatePence: Pence;
  /** Rates by effective date, ascending, each in force until the next; backdated changes are slotted in. */
  readonly rates: readonly RateRecord[];
  readonly reviews: readonly ReviewRecord[];
  /** Terms (by their termEnd) for which the renewal sweep has flagged a review due / overdue. */
  readonly flaggedDue: readonly LocalDate[];
  readonly flaggedOverdue: readonly LocalDate[];
  readonly jointFunding: readonly FundingShare[];
  /** Renewals after a review: each moved the term end from `previousTermEnd` to `newTermEnd`. */
  readonly extensions: readonly { readonly previousTermEnd: LocalDate; readonly newTermEnd: LocalDate }[];
}

export type PlacementState =
  | { readonly status: 'Initial' }
  | ({ readonly status: 'Requested' } & Identified)
  /** Met in-house: `resource` is the in-house carer or home; nothing is charged to the external budget. */
  | ({ readonly status: 'MatchedInHouse'; readonly resource: string; readonly startDate: LocalDate } & Identified)
  | ({ readonly status: 'Withdrawn'; readonly reason: string } & Identified)
  | ({ readonly status: 'Commissioned' } & ExternalPlacement)
  /**
   * `endDate`: the day the child left, not charged (a correction replaces it); `endReason`: an SSDA903
   * reason-ceased code or `moved-in-house`.
   */
  | ({ readonly status: 'Ended'; readonly endDate: LocalDate; readonly endReason: string } & ExternalPlacement);

export type PlacementStatus = PlacementState['status'];

export const initialPlacementState: PlacementState = { status: 'Initial' };

export function currentRate(placement: ExternalPlacement): Pence {
  return placement.rates[placement.rates.length - 1].weeklyRatePence;
}

/** Commissioned or ended: the statuses that carry a cost. */
export type ExternalPlacementState = Extract<PlacementState, { status: 'Commissioned' | 'Ended' }>;

export const isExternal = (state: PlacementState): state is ExternalPlacementState =>
  state.status === 'Commissioned' || state.status === 'Ended';

/** The rate in force on `date` (the commission rate before any change). */
export function rateOn(placement: ExternalPlacement, date: LocalDate): Pence {
  let rate = placement.rates[0].weeklyRatePence;
  for (const record of placement.rates) if (record.effectiveFrom <= date) rate = record.weeklyRatePence;
  return rate;
}

/**
 * The search a decision relies on: the latest by date among those on or before `date` (any date when
 * absent; of two on the same day, the later recorded), so a search recorded late is read in its place.
 */
export function latestSearch(searches: readonly SearchRecord[], onOrBefore?: LocalDate): SearchRecord | undefined {
  let latest: SearchRecord | undefined;
  for (const search of searches) {
    if (onOrBefore !== undefined && search.searchedOn > onOrBefore) continue;
    if (latest === undefined || search.searchedOn >= latest.searchedOn) latest = search;
  }
  return latest;
}

export function reviewOfCurrentTerm(placement: ExternalPlacement): ReviewRecord | undefined {
  return placement.reviews.find((review) => review.termEnd === placement.termEnd);
}

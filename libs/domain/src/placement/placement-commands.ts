import type { LocalDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';

export type Urgency = 'emergency' | 'planned';
export type SearchOutcome = 'available' | 'unavailable' | 'unsuitable';
export type ReviewOutcome = 'extend' | 'end' | 'step-down-in-house';

export interface InHouseOption {
  /** The in-house resource considered: a carer, a kinship carer, one of the council's homes. */
  readonly resource: string;
  readonly outcome: SearchOutcome;
  readonly note?: string;
}

export interface Provider {
  readonly id: string;
  readonly name: string;
  /** SSDA903 PLACE_PROVIDER code, PR0–PR5. */
  readonly type: string;
  readonly ofstedGrade: 'outstanding' | 'good' | 'requires-improvement' | 'inadequate' | 'not-yet-inspected';
  readonly distanceMiles: number;
}

/**
 * Stamped on a commission made although the forecast said it would leave its cost centre red: what the
 * commissioner was shown. The application works it out from the read side; a caller cannot supply it.
 */
export interface BudgetWarning {
  readonly financialYear: string;
  readonly costCentre: string;
  readonly budgetPence: Pence;
  /** The cost centre's continuing projected outturn before and after this commission. */
  readonly outturnBeforePence: Pence;
  readonly outturnAfterPence: Pence;
  readonly ragBefore: 'green' | 'amber' | 'red';
}

export interface RateException {
  readonly reason: string;
  readonly approvedBy: string;
}

export type PlacementCommand =
  | { readonly type: 'RequestPlacement'; readonly data: {
      readonly placementId: string; readonly childRef: string; readonly ageAtRequest: number;
      readonly needs: readonly string[]; readonly placementTypeSought: string; readonly urgency: Urgency;
      readonly requiredFrom: LocalDate; readonly siblingGroupSize: number } }
  | { readonly type: 'RecordInHouseSearch'; readonly data: {
      readonly searchedOn: LocalDate; readonly options: readonly InHouseOption[] } }
  | { readonly type: 'MatchInHouse'; readonly data: { readonly resource: string; readonly startDate: LocalDate } }
  | { readonly type: 'CommissionPlacement'; readonly data: {
      readonly provider: Provider; readonly placementType: string; readonly weeklyRatePence: Pence;
      readonly startDate: LocalDate; readonly initialTermDays?: number; readonly costCentre: string;
      readonly emergencyReason?: string; readonly rateException?: RateException;
      /** Set by the application when the forecast says this commission leaves the cost centre red. */
      readonly budgetWarning?: BudgetWarning } }
  | { readonly type: 'RecordFourWeekReview'; readonly data: {
      readonly reviewedOn: LocalDate; readonly outcome: ReviewOutcome; readonly notes?: string } }
  | { readonly type: 'ExtendPlacement'; readonly data: {
      readonly newTermEnd: LocalDate; readonly weeklyRatePence?: Pence; readonly reason: string;
      readonly rateException?: RateException } }
  | { readonly type: 'ChangeRate'; readonly data: {
      readonly effectiveFrom: LocalDate; readonly weeklyRatePence: Pence; readonly reason: string;
      readonly rateException?: RateException } }
  | { readonly type: 'AgreeJointFunding'; readonly data: {
      readonly contributor: string; readonly shareBasisPoints: number; readonly effectiveFrom: LocalDate } }
  | { readonly type: 'EndPlacement'; readonly data: { readonly endDate: LocalDate; readonly reason: string } }
  | { readonly type: 'WithdrawRequest'; readonly data: { readonly reason: string } }
  /** Scheduler commands: the renewal sweep asks, the decider appends at most once per term. */
  | { readonly type: 'FlagReviewDue'; readonly data: Record<string, never> }
  | { readonly type: 'FlagReviewOverdue'; readonly data: Record<string, never> };

/** Inclusive weekly-rate band for one placement type. */
export interface RateBand { readonly minPence: Pence; readonly maxPence: Pence }

/** Everything a decision needs from outside, produced at the edge (clock, configuration). */
export interface DecisionContext {
  /** Today in Europe/London: reviews may not be dated after it; the sweep flags against it. */
  readonly today: LocalDate;
  /** Rate band for a SSDA903 placement type code; falls back to the default band. */
  readonly rateBandFor: (placementType: string) => RateBand;
  /** Days before term end at which a review is flagged due (docs/domain.md: 7). */
  readonly reviewDueWithinDays: number;
}

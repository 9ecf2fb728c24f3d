import type { LocalDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import type { BudgetWarning, InHouseOption, Provider, RateException, ReviewOutcome, Urgency } from './placement-commands';

/** Stored event type names: string literals, never derived from class names. */
export const PLACEMENT_EVENT_TYPES = [
  'PlacementRequested', 'InHouseSearchRecorded', 'PlacementMatchedInHouse', 'PlacementCommissioned',
  'ReviewDueFlagged', 'ReviewOverdueFlagged', 'FourWeekReviewRecorded', 'PlacementExtended',
  'PlacementRateChanged', 'JointFundingAgreed', 'PlacementEnded', 'PlacementRequestWithdrawn',
] as const;
export type PlacementEventType = (typeof PLACEMENT_EVENT_TYPES)[number];

export type PlacementEvent =
  | { readonly type: 'PlacementRequested'; readonly data: {
      readonly placementId: string; readonly childRef: string; readonly ageAtRequest: number;
      readonly needs: readonly string[]; readonly placementTypeSought: string; readonly urgency: Urgency;
      readonly requiredFrom: LocalDate; readonly siblingGroupSize: number } }
  | { readonly type: 'InHouseSearchRecorded'; readonly data: {
      readonly placementId: string; readonly searchedOn: LocalDate; readonly options: readonly InHouseOption[];
      /** True when some option was `available`: the request is then to be met in-house. */
      readonly inHouseOptionAvailable: boolean } }
  | { readonly type: 'PlacementMatchedInHouse'; readonly data: {
      readonly placementId: string; readonly resource: string; readonly startDate: LocalDate } }
  | { readonly type: 'PlacementCommissioned'; readonly data: {
      readonly placementId: string; readonly provider: Provider; readonly placementType: string;
      readonly weeklyRatePence: Pence; readonly startDate: LocalDate; readonly initialTermDays: number;
      /** Exclusive end of the initial term: startDate + initialTermDays. */
      readonly termEnd: LocalDate; readonly costCentre: string;
      readonly emergencyReason?: string; readonly rateException?: RateException;
      /** Date of the in-house search relied on; absent for an emergency commission without one. */
      readonly inHouseSearchOn?: LocalDate;
      /** The commission went ahead though the forecast said it leaves the cost centre red (not refused: the child needs a placement). */
      readonly budgetWarning?: BudgetWarning } }
  | { readonly type: 'ReviewDueFlagged'; readonly data: {
      readonly placementId: string; readonly termEnd: LocalDate; readonly flaggedOn: LocalDate } }
  | { readonly type: 'ReviewOverdueFlagged'; readonly data: {
      readonly placementId: string; readonly termEnd: LocalDate; readonly flaggedOn: LocalDate } }
  | { readonly type: 'FourWeekReviewRecorded'; readonly data: {
      readonly placementId: string; readonly reviewedOn: LocalDate; readonly outcome: ReviewOutcome;
      readonly notes?: string;
      /** The term reviewed, by its exclusive end. */
      readonly termEnd: LocalDate;
      /** reviewedOn < termEnd. */
      readonly onTime: boolean } }
  | { readonly type: 'PlacementExtended'; readonly data: {
      readonly placementId: string; readonly previousTermEnd: LocalDate; readonly newTermEnd: LocalDate;
      /** A new weekly rate from previousTermEnd, when the extension changes it. */
      readonly weeklyRatePence?: Pence; readonly rateException?: RateException; readonly reason: string } }
  | { readonly type: 'PlacementRateChanged'; readonly data: {
      readonly placementId: string; readonly effectiveFrom: LocalDate; readonly weeklyRatePence: Pence;
      readonly previousWeeklyRatePence: Pence; readonly reason: string; readonly rateException?: RateException } }
  | { readonly type: 'JointFundingAgreed'; readonly data: {
      readonly placementId: string; readonly contributor: string; readonly shareBasisPoints: number;
      readonly effectiveFrom: LocalDate } }
  | { readonly type: 'PlacementEnded'; readonly data: {
      readonly placementId: string; readonly endDate: LocalDate; readonly reason: string;
      /** Set when this corrects an end recorded earlier: the end date it replaces. */
      readonly correctsEndDate?: LocalDate } }
  | { readonly type: 'PlacementRequestWithdrawn'; readonly data: {
      readonly placementId: string; readonly reason: string } };

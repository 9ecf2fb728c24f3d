import type { CommandOf, LocalDate, Pence, PlacementCommand } from '@ledger/domain';
import type { CommissionPlacementDto } from './dto/commission-placement.dto';
import type { MatchInHouseDto, RecordInHouseSearchDto, WithdrawRequestDto } from './dto/in-house.dto';
import type { AgreeJointFundingDto, ChangeRateDto, EndPlacementDto, ExtendPlacementDto, RecordReviewDto } from './dto/placement-changes.dto';
import type { RequestPlacementDto } from './dto/request-placement.dto';

/**
 * Validated request bodies to the domain's commands: the one mapping both doors use, the JSON API and
 * the web forms, so a form records exactly what the same API call would. The brands are applied here.
 */
const asDate = (value: string) => value as LocalDate;
const asPence = (value: number) => value as Pence;

export const placementCommandFrom = {
  request: (body: RequestPlacementDto, placementId: string): PlacementCommand => ({
    type: 'RequestPlacement',
    data: {
      placementId, childRef: body.childRef, ageAtRequest: body.ageAtRequest, needs: body.needs ?? [],
      placementTypeSought: body.placementTypeSought, urgency: body.urgency, requiredFrom: asDate(body.requiredFrom),
      siblingGroupSize: body.siblingGroupSize ?? 1,
    },
  }),
  inHouseSearch: (body: RecordInHouseSearchDto): PlacementCommand => ({
    type: 'RecordInHouseSearch',
    data: { searchedOn: asDate(body.searchedOn), options: body.options.map((o) => ({ resource: o.resource, outcome: o.outcome, note: o.note })) },
  }),
  inHouseMatch: (body: MatchInHouseDto): PlacementCommand => ({ type: 'MatchInHouse', data: { resource: body.resource, startDate: asDate(body.startDate) } }),
  commission: (body: CommissionPlacementDto): CommandOf<'CommissionPlacement'> => ({
    type: 'CommissionPlacement',
    data: {
      provider: { ...body.provider }, placementType: body.placementType, weeklyRatePence: asPence(body.weeklyRatePence),
      startDate: asDate(body.startDate), initialTermDays: body.initialTermDays, costCentre: body.costCentre,
      emergencyReason: body.emergencyReason, rateException: body.rateException && { ...body.rateException },
    },
  }),
  review: (body: RecordReviewDto): PlacementCommand => ({
    type: 'RecordFourWeekReview', data: { reviewedOn: asDate(body.reviewedOn), outcome: body.outcome, notes: body.notes },
  }),
  extend: (body: ExtendPlacementDto): CommandOf<'ExtendPlacement'> => ({
    type: 'ExtendPlacement',
    data: {
      newTermEnd: asDate(body.newTermEnd), reason: body.reason, rateException: body.rateException && { ...body.rateException },
      weeklyRatePence: body.weeklyRatePence === undefined ? undefined : asPence(body.weeklyRatePence),
    },
  }),
  rateChange: (body: ChangeRateDto): PlacementCommand => ({
    type: 'ChangeRate',
    data: {
      effectiveFrom: asDate(body.effectiveFrom), weeklyRatePence: asPence(body.weeklyRatePence), reason: body.reason,
      rateException: body.rateException && { ...body.rateException },
    },
  }),
  jointFunding: (body: AgreeJointFundingDto): PlacementCommand => ({
    type: 'AgreeJointFunding', data: { contributor: body.contributor, shareBasisPoints: body.shareBasisPoints, effectiveFrom: asDate(body.effectiveFrom) },
  }),
  end: (body: EndPlacementDto): PlacementCommand => ({ type: 'EndPlacement', data: { endDate: asDate(body.endDate), reason: body.reason } }),
  withdraw: (body: WithdrawRequestDto): PlacementCommand => ({ type: 'WithdrawRequest', data: { reason: body.reason } }),
};

import { csvPounds, toCsv as csv } from '../csv';
import type { JointFundingOpportunities } from './joint-funding';
import type { StepDownOpportunities } from './step-down';

export { csvPounds };

/** One row per opportunity, in rank order; money in pounds. */
export function stepDownToCsv(list: StepDownOpportunities): string {
  return csv([
    ['asOf', 'asAt', 'rank', 'placementId', 'childRef', 'placementType', 'costCentre', 'provider', 'startDate', 'daysRunning', 'ageBand',
      'weeklyRatePounds', 'inHouseWeeklyCostPounds', 'weeklySavingPounds', 'lastSearchedOn', 'lastSearchOutcome'],
    ...list.opportunities.map((o, i) => [
      list.asOf, list.asAt, i + 1, o.placementId, o.childRef, o.placementType, o.costCentre, o.providerName, o.startDate, o.daysRunning, o.ageBand,
      csvPounds(o.weeklyRatePence), csvPounds(o.inHouseWeeklyCostPence), csvPounds(o.weeklySavingPence), o.lastInHouseSearch?.searchedOn, o.lastInHouseSearch?.outcome ?? 'none',
    ]),
  ]);
}

/** One row per placement and contributor, in rank order; money in pounds; matched needs joined by "; ". */
export function jointFundingToCsv(list: JointFundingOpportunities): string {
  return csv([
    ['asOf', 'asAt', 'financialYear', 'rank', 'placementId', 'childRef', 'placementType', 'costCentre', 'provider', 'contributor', 'status', 'lapsedFrom',
      'needsMatched', 'grossToYearEndPounds', 'shareBasisPoints', 'amountAtStakePounds'],
    ...list.opportunities.map((o, i) => [
      list.asOf, list.asAt, list.financialYear, i + 1, o.placementId, o.childRef, o.placementType, o.costCentre, o.providerName, o.contributor, o.status, o.lapsedFrom,
      o.needsMatched.join('; '), csvPounds(o.grossToYearEndPence), o.shareBasisPoints, csvPounds(o.amountAtStakePence),
    ]),
  ]);
}

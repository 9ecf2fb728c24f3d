import type { Pence } from '@ledger/domain';
import type { JointFundingOpportunities } from './joint-funding';
import type { StepDownOpportunities } from './step-down';

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
const field = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const csv = (rows: readonly (readonly unknown[])[]): string => `${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;

/** Pence as plain decimal pounds for a spreadsheet (1234.56, -0.05): no symbol, no separators, from integers. */
export function csvPounds(amount: Pence): string {
  const abs = Math.abs(amount);
  return `${amount < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

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

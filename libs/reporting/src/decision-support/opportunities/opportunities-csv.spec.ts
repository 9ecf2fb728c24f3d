import type { FinancialYear, LocalDate, Pence } from '@ledger/domain';
import { jointFundingOpportunities } from './joint-funding';
import { csvPounds, jointFundingToCsv, stepDownToCsv } from './opportunities-csv';
import { ledgerOf } from './opportunities-fixtures';
import { stepDownOpportunities } from './step-down';

const rows = (text: string) => text.split('\r\n');

describe('the opportunity lists as CSV', () => {
  it.each([[0, '0.00'], [5, '0.05'], [50_000, '500.00'], [35_714, '357.14'], [123_456_789, '1234567.89'], [-5, '-0.05'], [-26_250, '-262.50']])('%i pence is %s pounds', (p, pounds) => {
    expect(csvPounds(p as Pence)).toBe(pounds);
  });

  // u4 at £1,050 from 5 November against £550 in-house: £500 a week.
  const ledger = ledgerOf(
    { id: 'u4', ratePence: 105_000, start: '2026-11-02', needs: ['therapeutic placement', 'education support'], searches: [{ on: '2026-10-30', outcomes: ['unsuitable'] }] },
  );

  it('writes one row per step-down opportunity, money in pounds, ending each line with CRLF', () => {
    const text = stepDownToCsv(stepDownOpportunities(ledger, '2026-11-23' as LocalDate, { U4: 55_000 as Pence }));
    expect(rows(text)).toEqual([
      'asOf,asAt,rank,placementId,childRef,placementType,costCentre,provider,startDate,daysRunning,ageBand,weeklyRatePounds,inHouseWeeklyCostPounds,weeklySavingPounds,lastSearchedOn,lastSearchOutcome',
      '2026-11-23,2026-12-01T12:00:00.000Z,1,u4,LAC-U4,U4,CC-IFA,Brightway Fostering,2026-11-02,21,10-11,1050.00,550.00,500.00,2026-10-30,unsuitable',
      '',
    ]);
  });

  it('writes one row per joint-funding opportunity with the matched needs joined', () => {
    // 22 March 2027: 10 days left at £1,050 = 105,000 × 10 / 7 = £1,500 gross; 25% = £375 each.
    const text = jointFundingToCsv(jointFundingOpportunities(ledger, '2027-03-22' as LocalDate, '2026-27' as FinancialYear, 2500));
    expect(rows(text).slice(1)).toEqual([
      '2027-03-22,2026-12-01T12:00:00.000Z,2026-27,1,u4,LAC-U4,U4,CC-IFA,Brightway Fostering,education,none,,education support,1500.00,2500,375.00',
      '2027-03-22,2026-12-01T12:00:00.000Z,2026-27,2,u4,LAC-U4,U4,CC-IFA,Brightway Fostering,health,none,,therapeutic placement,1500.00,2500,375.00',
      '',
    ]);
  });
});

import type { FinancialYear, LocalDate } from '@ledger/domain';
import { fundingGap, jointFundingOpportunities } from './joint-funding';
import { ledgerOf } from './opportunities-fixtures';

const asOf = '2027-03-22' as LocalDate;
const year = '2026-27' as FinancialYear;

// As of Monday 22 March 2027, 10 days of 2026-27 are left (22–31 March); the typical share is 25%.
describe('joint-funding opportunities in the last 10 days of 2026-27', () => {
  const ledger = ledgerOf(
    // j1: £1,400 a week, therapeutic (health), no share: 140,000 × 10 / 7 = £2,000 gross; 25% = £500.
    { id: 'j1', ratePence: 140_000, start: '2026-10-05', needs: ['therapeutic placement'] },
    // j2: £700 a week; health pays 25% (not listed); education paid 20% until a 0% share from 1 January:
    // lapsed. 70,000 × 10 / 7 = £1,000 gross; 25% = £250.
    { id: 'j2', ratePence: 70_000, start: '2026-09-01', needs: ['staying local for school', 'disability: complex health needs'], shares: [
      { contributor: 'health', basisPoints: 2500, from: '2026-10-01' }, { contributor: 'education', basisPoints: 2000, from: '2026-10-01' },
      { contributor: 'education', basisPoints: 0, from: '2027-01-01' },
    ] },
    // j3: £1,050 a week, leaving on 29 March (7 days left, not 10): 105,000 × 7 / 7 = £1,050 gross;
    // 25% = £262.50 for each of health and education, which tie and go by contributor.
    { id: 'j3', ratePence: 105_000, start: '2026-11-02', end: '2027-03-29', needs: ['emotional and behavioural support', 'education support'] },
    // j6: £1,000 a week, mental health: 100,000 × 10 / 7 = 142,857.14, rounded to 142,857 pence;
    // 25% = 35,714.25, rounded to 35,714 pence.
    { id: 'j6', ratePence: 100_000, start: '2026-12-01', needs: ['mental health: CAMHS involved'] },
    // Not listed: needs no contributor meets; health at 0% now but 30% agreed from 25 March; the child
    // left before the as-of date.
    { id: 'j4', ratePence: 90_000, start: '2026-10-01', needs: ['sibling group placement'] },
    { id: 'j5', ratePence: 90_000, start: '2026-10-01', needs: ['therapeutic placement'], shares: [
      { contributor: 'health', basisPoints: 0, from: '2026-10-01' }, { contributor: 'health', basisPoints: 3000, from: '2027-03-25' },
    ] },
    { id: 'j7', ratePence: 90_000, start: '2026-10-01', end: '2027-03-22', needs: ['therapeutic placement'] },
  );
  const list = jointFundingOpportunities(ledger, asOf, year, 2500);

  it('lists each placement and contributor with no share or a lapsed one, by amount at stake, then id, then contributor', () => {
    expect(list.opportunities.map((o) => [o.placementId, o.contributor, o.status, o.amountAtStakePence])).toEqual([
      ['j1', 'health', 'none', 50_000],
      ['j6', 'health', 'none', 35_714],
      ['j3', 'education', 'none', 26_250],
      ['j3', 'health', 'none', 26_250],
      ['j2', 'education', 'lapsed', 25_000],
    ]);
  });

  it('totals them: £500 + £357.14 + £262.50 × 2 + £250 = £1,632.14', () => {
    expect(list).toMatchObject({ asOf, financialYear: year, shareBasisPoints: 2500, count: 5, totalAmountAtStakePence: 163_214 });
  });

  it('says which needs matched, the gross at stake and when a lapsed share lapsed', () => {
    expect(list.opportunities[4]).toEqual({
      placementId: 'j2', childRef: 'LAC-J2', placementType: 'U4', costCentre: 'CC-IFA', providerName: 'Brightway Fostering', contributor: 'education',
      needsMatched: ['staying local for school'], status: 'lapsed', lapsedFrom: '2027-01-01', grossToYearEndPence: 100_000, shareBasisPoints: 2500, amountAtStakePence: 25_000,
    });
    expect(list.opportunities[0]).not.toHaveProperty('lapsedFrom');
  });

  it('counts from the start of a year not yet begun, and nothing in a year already over', () => {
    // 2027-28 from 1 April 2027: j1 runs the whole 366 days (2028 is a leap year): 140,000 × 366 / 7 =
    // 7,320,000 gross; 25% = 1,830,000. j3 has left by then: nothing at stake.
    const next = jointFundingOpportunities(ledger, asOf, '2027-28' as FinancialYear, 2500);
    expect(next.opportunities.find((o) => o.placementId === 'j1')).toMatchObject({ grossToYearEndPence: 7_320_000, amountAtStakePence: 1_830_000 });
    expect(next.opportunities.filter((o) => o.placementId === 'j3').map((o) => o.amountAtStakePence)).toEqual([0, 0]);
    expect(jointFundingOpportunities(ledger, asOf, '2025-26' as FinancialYear, 2500).totalAmountAtStakePence).toBe(0);
  });
});

describe('whether a contributor is a gap on the as-of date', () => {
  const on = '2027-01-10' as LocalDate;
  const share = (basisPoints: number, from: string) => ({ contributor: 'health', shareBasisPoints: basisPoints, effectiveFrom: from as LocalDate });
  it('is none with no agreement from that contributor, even when another pays', () => {
    expect(fundingGap([{ ...share(2500, '2026-10-01'), contributor: 'education' }], 'health', on)).toEqual({ status: 'none' });
  });
  it('is lapsed when the share in force is 0%', () => {
    expect(fundingGap([share(2500, '2026-10-01'), share(0, '2026-12-01')], 'health', on)).toEqual({ status: 'lapsed', lapsedFrom: '2026-12-01' });
  });
  it('is no gap while a share above 0% is in force, or when one is agreed to start later', () => {
    expect(fundingGap([share(0, '2026-10-01'), share(1000, '2026-12-01')], 'health', on)).toBeUndefined();
    expect(fundingGap([share(1000, '2027-02-01')], 'health', on)).toBeUndefined();
  });
  it('reads a 0% share agreed for after the as-of date as not yet lapsed', () => {
    expect(fundingGap([share(2500, '2026-10-01'), share(0, '2027-02-01')], 'health', on)).toBeUndefined();
  });
});

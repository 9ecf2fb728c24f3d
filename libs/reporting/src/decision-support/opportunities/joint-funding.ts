import {
  agreementsInEffect, applyBasisPoints, costTimelineOf, financialYearRange, maxDate, minDate, periodGross, sumPence,
  type FinancialYear, type FundingShare, type LocalDate, type Pence,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { contributorsSuggestedBy, type JointFundingContributor } from './need-contributors';
import { byAmountThenId, runningOn } from './running';

/** `none`: no agreement from the contributor at all; `lapsed`: its latest agreement in force is a 0% share. */
export type JointFundingStatus = 'none' | 'lapsed';

/** A running placement whose needs suggest a contributor who pays nothing towards it. */
export interface JointFundingOpportunity {
  readonly placementId: string;
  readonly childRef: string;
  readonly placementType: string;
  readonly costCentre: string;
  readonly providerName: string;
  readonly contributor: JointFundingContributor;
  /** The recorded needs that suggest the contributor. */
  readonly needsMatched: readonly string[];
  readonly status: JointFundingStatus;
  /** Lapsed only: the date the 0% share took effect. */
  readonly lapsedFrom?: LocalDate;
  /** Gross cost from the as-of date (or the year start) to the year end, on the continuing basis. */
  readonly grossToYearEndPence: Pence;
  readonly shareBasisPoints: number;
  /** The typical share of that gross: round(share × gross / 10000). */
  readonly amountAtStakePence: Pence;
}

export interface JointFundingOpportunities {
  readonly asOf: LocalDate;
  readonly asAt: string;
  readonly financialYear: FinancialYear;
  readonly shareBasisPoints: number;
  readonly count: number;
  readonly totalAmountAtStakePence: Pence;
  /** By amount at stake, largest first; ties by placement id, then contributor. */
  readonly opportunities: readonly JointFundingOpportunity[];
}

/**
 * Why the contributor is an opportunity on `asOf`, or undefined when it is not: a share above 0% is in
 * force, or one is agreed to start later (the agreement is made; only its date is to come).
 */
export function fundingGap(shares: readonly FundingShare[], contributor: string, asOf: LocalDate): { status: JointFundingStatus; lapsedFrom?: LocalDate } | undefined {
  const agreements = agreementsInEffect(shares).get(contributor) ?? [];
  if (agreements.some((a) => a.effectiveFrom > asOf && a.shareBasisPoints > 0)) return undefined;
  const current = agreements.filter((a) => a.effectiveFrom <= asOf).pop();
  if (current === undefined) return { status: 'none' };
  return current.shareBasisPoints === 0 ? { status: 'lapsed', lapsedFrom: current.effectiveFrom } : undefined;
}

/**
 * Joint-funding opportunities at `asOf` for `year`: for each placement running then, each contributor
 * its needs suggest (see NEED_CONTRIBUTORS) that has no share or a lapsed one, with what a typical
 * share would bring in over the rest of the year — its gross from max(asOf, year start) to the year end,
 * to the recorded end if earlier (the continuing basis).
 */
export function jointFundingOpportunities(ledger: LedgerAsAt, asOf: LocalDate, year: FinancialYear, shareBasisPoints: number): JointFundingOpportunities {
  const { start: yearStart, end: yearEnd } = financialYearRange(year);
  const from = minDate(maxDate(asOf, yearStart), yearEnd);
  const opportunities: JointFundingOpportunity[] = [];
  for (const p of runningOn(ledger.placements, asOf)) {
    const suggested = contributorsSuggestedBy(p.request.needs);
    if (suggested.size === 0) continue;
    const gross = periodGross(costTimelineOf(p), from, yearEnd);
    for (const [contributor, needsMatched] of suggested) {
      const gap = fundingGap(p.jointFunding, contributor, asOf);
      if (gap === undefined) continue;
      opportunities.push({
        placementId: p.placementId, childRef: p.childRef, placementType: p.placementType, costCentre: p.costCentre, providerName: p.provider.name,
        contributor, needsMatched, ...gap, grossToYearEndPence: gross, shareBasisPoints, amountAtStakePence: applyBasisPoints(gross, shareBasisPoints),
      });
    }
  }
  opportunities.sort(byAmountThenId((o) => o.amountAtStakePence, (a, b) => (a.contributor < b.contributor ? -1 : a.contributor > b.contributor ? 1 : 0)));
  return {
    asOf, asAt: ledger.asAt, financialYear: year, shareBasisPoints, count: opportunities.length,
    totalAmountAtStakePence: sumPence(opportunities.map((o) => o.amountAtStakePence)), opportunities,
  };
}

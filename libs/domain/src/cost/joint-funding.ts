import { compareDates, type LocalDate } from '../calendar/local-date';
import type { FundingShare } from '../placement/placement-state';

/** A whole placement's cost, in basis points. */
export const WHOLE_SHARE_BASIS_POINTS = 10_000;

/**
 * One contributor's agreements in the order they take effect, each running until the next one's
 * effective date. Of two with the same effective date the later recorded stands, so an agreement can
 * be corrected by recording it again.
 */
export function agreementsInEffect(shares: readonly FundingShare[]): Map<string, FundingShare[]> {
  const byContributor = new Map<string, FundingShare[]>();
  for (const share of shares) byContributor.set(share.contributor, [...(byContributor.get(share.contributor) ?? []), share]);
  for (const [contributor, own] of byContributor) {
    const ordered = [...own].sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom)); // stable: record order kept on ties
    byContributor.set(contributor, ordered.filter((share, i) => ordered[i + 1]?.effectiveFrom !== share.effectiveFrom));
  }
  return byContributor;
}

/** The share each contributor pays on `date` (contributors with nothing in force are left out). */
export function sharesInForceOn(shares: readonly FundingShare[], date: LocalDate): Map<string, number> {
  const inForce = new Map<string, number>();
  for (const [contributor, agreements] of agreementsInEffect(shares)) {
    const current = agreements.filter((a) => a.effectiveFrom <= date).pop();
    if (current !== undefined) inForce.set(contributor, current.shareBasisPoints);
  }
  return inForce;
}

/** The highest total share in force on any day from `from` on: it may never pass the whole cost. */
export function peakTotalShareFrom(shares: readonly FundingShare[], from: LocalDate): { readonly basisPoints: number; readonly on: LocalDate } {
  const dates = [...new Set([from, ...shares.map((s) => s.effectiveFrom).filter((d) => d > from)])].sort();
  let peak = { basisPoints: 0, on: from };
  for (const date of dates) {
    const total = [...sharesInForceOn(shares, date).values()].reduce((sum, bp) => sum + bp, 0);
    if (total > peak.basisPoints) peak = { basisPoints: total, on: date };
  }
  return peak;
}

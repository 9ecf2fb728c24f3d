import { addDays, addWorkingDays, roundHalfUpDiv, type LocalDate, type PlacementState } from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { PlacementMemo } from '../placement-memo';
import { externalPlacements, type Placed } from '../returns/build-return';

/** Working days after an emergency start within which its in-house search must be recorded. */
export const EMERGENCY_SEARCH_WORKING_DAYS = 5;
/** Placements further than this from the city are flagged (the strategy's local-placement aim). */
export const DISTANCE_FLAG_MILES = 20;
const BELOW_GOOD = new Set(['requires-improvement', 'inadequate']);

export interface PlacementRef {
  readonly placementId: string;
  readonly childRef: string;
  readonly costCentre: string;
  readonly providerName: string;
}

export type EmergencyStatus = 'ratified-in-time' | 'ratified-late' | 'awaiting-search' | 'non-compliant';
export type ReviewStatus = 'on-time' | 'late' | 'overdue' | 'not-yet-due';

export interface ComplianceReport {
  readonly period: { readonly from: LocalDate; readonly to: LocalDate };
  readonly asOf: LocalDate;
  readonly asAt: string;
  readonly commissions: {
    readonly external: number;
    readonly withPriorSearch: number;
    readonly emergency: number;
    readonly emergencies: readonly (PlacementRef & { startDate: LocalDate; searchDeadline: LocalDate; searchedOn?: LocalDate; status: EmergencyStatus })[];
  };
  /** Requests met in the period (in-house match start or external commission start), and withdrawn ones required in it. */
  readonly requests: { readonly metInHouse: number; readonly metExternally: number; readonly withdrawn: number; readonly inHouseShareBasisPoints: number | null };
  readonly reviews: { readonly onTime: number; readonly late: number; readonly overdue: number; readonly terms: readonly (PlacementRef & { termEnd: LocalDate; reviewedOn?: LocalDate; status: ReviewStatus })[] };
  readonly providersBelowGood: readonly (PlacementRef & { ofstedGrade: string })[];
  readonly overDistance: readonly (PlacementRef & { distanceMiles: number })[];
}

const within = (date: LocalDate, from: LocalDate, to: LocalDate) => date >= from && date < to;
const ref = (p: Placed): PlacementRef => ({ placementId: p.placementId, childRef: p.childRef, costCentre: p.costCentre, providerName: p.provider.name });
const activeDuring = (p: Placed, from: LocalDate, to: LocalDate) => p.startDate < to && (p.endDate === undefined || p.endDate > from);

function emergencyStatus(p: Placed, asOf: LocalDate): { deadline: LocalDate; searchedOn?: LocalDate; status: EmergencyStatus } {
  const deadline = addWorkingDays(p.startDate, EMERGENCY_SEARCH_WORKING_DAYS);
  const searchedOn = p.searches.map((s) => s.searchedOn).filter((s) => s > p.startDate).sort()[0];
  if (searchedOn !== undefined) return { deadline, searchedOn, status: searchedOn <= deadline ? 'ratified-in-time' : 'ratified-late' };
  return { deadline, status: asOf > deadline ? 'non-compliant' : 'awaiting-search' };
}

/** Every term's exclusive end: the initial term's, then each extension's. */
function termEnds(p: Placed): LocalDate[] {
  return [addDays(p.startDate, p.initialTermDays), ...p.extensions.map((x) => x.newTermEnd)];
}

type EmergencyRow = ComplianceReport['commissions']['emergencies'][number];
type TermRow = ComplianceReport['reviews']['terms'][number];

/** One placement's part in a compliance report for one window. */
interface CompliancePart {
  readonly commissioned: boolean;
  readonly withPriorSearch: boolean;
  readonly emergency?: EmergencyRow;
  readonly terms: readonly TermRow[];
  readonly belowGood?: PlacementRef & { ofstedGrade: string };
  readonly overDistance?: PlacementRef & { distanceMiles: number };
}

const parts = new PlacementMemo<CompliancePart>();

function partOf(p: Placed, from: LocalDate, to: LocalDate, asOf: LocalDate): CompliancePart {
  const commissioned = within(p.startDate, from, to);
  const withPriorSearch = p.searches.some((s) => s.searchedOn <= p.startDate);
  const terms = termEnds(p)
    .filter((end) => within(end, from, to) && (p.endDate === undefined || p.endDate >= end))
    .map((termEnd): TermRow => {
      const review = p.reviews.find((r) => r.termEnd === termEnd);
      const status: ReviewStatus = review ? (review.onTime ? 'on-time' : 'late') : termEnd <= asOf ? 'overdue' : 'not-yet-due';
      return { ...ref(p), termEnd, ...(review ? { reviewedOn: review.reviewedOn } : {}), status };
    });
  const emergency = commissioned && p.emergencyReason !== undefined && !withPriorSearch ? (() => {
    const { deadline, searchedOn, status } = emergencyStatus(p, asOf);
    return { ...ref(p), startDate: p.startDate, searchDeadline: deadline, ...(searchedOn ? { searchedOn } : {}), status };
  })() : undefined;
  const active = activeDuring(p, from, to);
  return {
    commissioned, withPriorSearch, terms,
    ...(emergency ? { emergency } : {}),
    ...(active && BELOW_GOOD.has(p.provider.ofstedGrade) ? { belowGood: { ...ref(p), ofstedGrade: p.provider.ofstedGrade } } : {}),
    ...(active && p.provider.distanceMiles > DISTANCE_FLAG_MILES ? { overDistance: { ...ref(p), distanceMiles: p.provider.distanceMiles } } : {}),
  };
}

/** In-house first and the review discipline for `[from, to)`, from the ledger as known at its asAt. */
export function buildCompliance(ledger: LedgerAsAt, from: LocalDate, to: LocalDate, asOf: LocalDate): ComplianceReport {
  const partFor = parts.window(`${from}/${to}/${asOf}`);
  const all = externalPlacements(ledger.placements).map((p) => partFor(p, () => partOf(p, from, to, asOf)));
  const commissioned = all.filter((part) => part.commissioned);
  const emergencies = all.flatMap((part) => (part.emergency ? [part.emergency] : []));
  const terms = all.flatMap((part) => part.terms);
  const matched = ledger.placements.filter((s): s is Extract<PlacementState, { status: 'MatchedInHouse' }> => s.status === 'MatchedInHouse' && within(s.startDate, from, to)).length;
  const withdrawn = ledger.placements.filter((s) => s.status === 'Withdrawn' && within(s.request.requiredFrom, from, to)).length;
  const met = matched + commissioned.length;
  const count = (status: ReviewStatus) => terms.filter((t) => t.status === status).length;
  return {
    period: { from, to }, asOf, asAt: ledger.asAt,
    commissions: { external: commissioned.length, withPriorSearch: commissioned.filter((part) => part.withPriorSearch).length, emergency: emergencies.length, emergencies },
    requests: { metInHouse: matched, metExternally: commissioned.length, withdrawn, inHouseShareBasisPoints: met === 0 ? null : roundHalfUpDiv(matched * 10_000, met) },
    reviews: { onTime: count('on-time'), late: count('late'), overdue: count('overdue'), terms },
    providersBelowGood: all.flatMap((part) => (part.belowGood ? [part.belowGood] : [])),
    overDistance: all.flatMap((part) => (part.overDistance ? [part.overDistance] : [])),
  };
}

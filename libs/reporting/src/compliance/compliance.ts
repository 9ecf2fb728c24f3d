import { addDays, addWorkingDays, roundHalfUpDiv, type LocalDate, type PlacementState } from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
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

/** In-house first and the review discipline for `[from, to)`, from the ledger as known at its asAt. */
export function buildCompliance(ledger: LedgerAsAt, from: LocalDate, to: LocalDate, asOf: LocalDate): ComplianceReport {
  const placements = externalPlacements(ledger.placements);
  const commissioned = placements.filter((p) => within(p.startDate, from, to));
  const emergencies = commissioned.filter((p) => p.emergencyReason !== undefined && !p.searches.some((s) => s.searchedOn <= p.startDate));
  const terms = placements.flatMap((p) => termEnds(p)
    .filter((end) => within(end, from, to) && (p.endDate === undefined || p.endDate >= end))
    .map((termEnd) => {
      const review = p.reviews.find((r) => r.termEnd === termEnd);
      const status: ReviewStatus = review ? (review.onTime ? 'on-time' : 'late') : termEnd <= asOf ? 'overdue' : 'not-yet-due';
      return { ...ref(p), termEnd, ...(review ? { reviewedOn: review.reviewedOn } : {}), status };
    }));
  const matched = ledger.placements.filter((s): s is Extract<PlacementState, { status: 'MatchedInHouse' }> => s.status === 'MatchedInHouse' && within(s.startDate, from, to)).length;
  const withdrawn = ledger.placements.filter((s) => s.status === 'Withdrawn' && within(s.request.requiredFrom, from, to)).length;
  const met = matched + commissioned.length;
  const active = placements.filter((p) => activeDuring(p, from, to));
  return {
    period: { from, to }, asOf, asAt: ledger.asAt,
    commissions: {
      external: commissioned.length,
      withPriorSearch: commissioned.filter((p) => p.searches.some((s) => s.searchedOn <= p.startDate)).length,
      emergency: emergencies.length,
      emergencies: emergencies.map((p) => {
        const { deadline, searchedOn, status } = emergencyStatus(p, asOf);
        return { ...ref(p), startDate: p.startDate, searchDeadline: deadline, ...(searchedOn ? { searchedOn } : {}), status };
      }),
    },
    requests: { metInHouse: matched, metExternally: commissioned.length, withdrawn, inHouseShareBasisPoints: met === 0 ? null : roundHalfUpDiv(matched * 10_000, met) },
    reviews: {
      onTime: terms.filter((t) => t.status === 'on-time').length,
      late: terms.filter((t) => t.status === 'late').length,
      overdue: terms.filter((t) => t.status === 'overdue').length,
      terms,
    },
    providersBelowGood: active.filter((p) => BELOW_GOOD.has(p.provider.ofstedGrade)).map((p) => ({ ...ref(p), ofstedGrade: p.provider.ofstedGrade })),
    overDistance: active.filter((p) => p.provider.distanceMiles > DISTANCE_FLAG_MILES).map((p) => ({ ...ref(p), distanceMiles: p.provider.distanceMiles })),
  };
}

import { addDays, addWorkingDays, isExternal, roundHalfUpDiv, type LocalDate, type PlacementState } from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { KeptPerWindow, ledgerStreams } from '../kept-sums';
import { PlacementMemo } from '../placement-memo';
import type { Placed } from '../returns/build-return';
import { ComplianceSums, type CompliancePart } from './compliance-sums';

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

/** The lists of a compliance report, each in the ledger's placement order. */
interface Lists extends Record<string, unknown[]> {
  emergencies: EmergencyRow[];
  terms: TermRow[];
  belowGood: (PlacementRef & { ofstedGrade: string })[];
  overDistance: (PlacementRef & { distanceMiles: number })[];
}

const parts = new PlacementMemo<CompliancePart<Lists>>();
const emptyLists = (): Lists => ({ emergencies: [], terms: [], belowGood: [], overDistance: [] });
const sums = new KeptPerWindow(() => new ComplianceSums<Lists>(emptyLists));

/**
 * One placement's part of a report over `[from, to)`.
 *
 * Its rows are written out as literals that start with the placement's fields, never a spread of them first: a
 * spread first gives every object it makes a hidden class of its own, and a national ledger's compliance
 * keeps a hundred thousand term rows.
 */
function partOf(state: PlacementState, from: LocalDate, to: LocalDate, asOf: LocalDate): CompliancePart<Lists> {
  if (state.status === 'MatchedInHouse') return { counts: { metInHouse: within(state.startDate, from, to) ? 1 : 0 } };
  if (state.status === 'Withdrawn') return { counts: { withdrawn: within(state.request.requiredFrom, from, to) ? 1 : 0 } };
  if (!isExternal(state)) return { counts: {} };
  const p: Placed = state;
  const commissioned = within(p.startDate, from, to);
  const withPriorSearch = p.searches.some((s) => s.searchedOn <= p.startDate);
  const terms = termEnds(p)
    .filter((end) => within(end, from, to) && (p.endDate === undefined || p.endDate >= end))
    .map((termEnd): TermRow => {
      const review = p.reviews.find((r) => r.termEnd === termEnd);
      const status: ReviewStatus = review ? (review.onTime ? 'on-time' : 'late') : termEnd <= asOf ? 'overdue' : 'not-yet-due';
      return {
        placementId: p.placementId, childRef: p.childRef, costCentre: p.costCentre, providerName: p.provider.name,
        termEnd, ...(review ? { reviewedOn: review.reviewedOn } : {}), status,
      };
    });
  const emergency: EmergencyRow[] = commissioned && p.emergencyReason !== undefined && !withPriorSearch ? (() => {
    const { deadline, searchedOn, status } = emergencyStatus(p, asOf);
    return [{
      placementId: p.placementId, childRef: p.childRef, costCentre: p.costCentre, providerName: p.provider.name,
      startDate: p.startDate, searchDeadline: deadline, ...(searchedOn ? { searchedOn } : {}), status,
    }];
  })() : [];
  const active = activeDuring(p, from, to);
  const rows: Lists = {
    emergencies: emergency, terms,
    belowGood: active && BELOW_GOOD.has(p.provider.ofstedGrade) ? [{ placementId: p.placementId, childRef: p.childRef, costCentre: p.costCentre, providerName: p.provider.name, ofstedGrade: p.provider.ofstedGrade }] : [],
    overDistance: active && p.provider.distanceMiles > DISTANCE_FLAG_MILES ? [{ placementId: p.placementId, childRef: p.childRef, costCentre: p.costCentre, providerName: p.provider.name, distanceMiles: p.provider.distanceMiles }] : [],
  };
  const count = (status: ReviewStatus) => terms.filter((t) => t.status === status).length;
  return {
    counts: { external: commissioned ? 1 : 0, withPriorSearch: commissioned && withPriorSearch ? 1 : 0, onTime: count('on-time'), late: count('late'), overdue: count('overdue') },
    ...(Object.values(rows).some((list) => list.length > 0) ? { rows } : {}),
  };
}

/** In-house first and the review discipline for `[from, to)`, from the ledger as known at its asAt. */
export function buildCompliance(ledger: LedgerAsAt, from: LocalDate, to: LocalDate, asOf: LocalDate): ComplianceReport {
  const key = `${from}/${to}/${asOf}`;
  const partFor = parts.window(key);
  const streams = ledgerStreams(ledger);
  const kept = ledger.streams === undefined ? new ComplianceSums<Lists>(emptyLists) : sums.nearest(key, streams);
  kept.moveTo(streams, (state) => partFor(state, () => partOf(state, from, to, asOf)));
  const { counts } = kept;
  const lists = kept.lists();
  const met = counts.metInHouse + counts.external;
  return {
    period: { from, to }, asOf, asAt: ledger.asAt,
    commissions: { external: counts.external, withPriorSearch: counts.withPriorSearch, emergency: lists.emergencies.length, emergencies: lists.emergencies },
    requests: { metInHouse: counts.metInHouse, metExternally: counts.external, withdrawn: counts.withdrawn, inHouseShareBasisPoints: met === 0 ? null : roundHalfUpDiv(counts.metInHouse * 10_000, met) },
    reviews: { onTime: counts.onTime, late: counts.late, overdue: counts.overdue, terms: lists.terms },
    providersBelowGood: lists.belowGood,
    overDistance: lists.overDistance,
  };
}

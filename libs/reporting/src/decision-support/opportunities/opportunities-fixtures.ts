import { addDays, evolvePlacement, initialPlacementState, type LocalDate, type Pence, type PlacementEvent, type PlacementState, type SearchOutcome } from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';

/** Hand-made placements for the opportunity specs, folded from their events (no decider: any history can be set up). */
export interface Made {
  readonly id: string;
  readonly type?: string;
  readonly ratePence: number;
  readonly start: string;
  readonly needs?: readonly string[];
  readonly age?: number;
  readonly requiredFrom?: string;
  readonly searches?: readonly { readonly on: string; readonly outcomes: readonly SearchOutcome[] }[];
  readonly rateChanges?: readonly { readonly from: string; readonly ratePence: number }[];
  readonly shares?: readonly { readonly contributor: string; readonly basisPoints: number; readonly from: string }[];
  readonly end?: string;
}

const d = (s: string) => s as LocalDate;
const provider = { id: 'P1', name: 'Brightway Fostering', type: 'PR4', ofstedGrade: 'good' as const, distanceMiles: 5 };

export function placement(m: Made): PlacementState {
  const placementId = m.id;
  const events: PlacementEvent[] = [
    { type: 'PlacementRequested', data: { placementId, childRef: `LAC-${m.id.toUpperCase()}`, ageAtRequest: m.age ?? 11, needs: [...(m.needs ?? [])], placementTypeSought: m.type ?? 'U4', urgency: 'planned', requiredFrom: d(m.requiredFrom ?? m.start), siblingGroupSize: 1 } },
    ...(m.searches ?? []).map((s): PlacementEvent => ({ type: 'InHouseSearchRecorded', data: {
      placementId, searchedOn: d(s.on), options: s.outcomes.map((outcome, i) => ({ resource: `Option ${i + 1}`, outcome })), inHouseOptionAvailable: s.outcomes.includes('available'),
    } })),
    { type: 'PlacementCommissioned', data: { placementId, provider, placementType: m.type ?? 'U4', weeklyRatePence: m.ratePence as Pence, startDate: d(m.start), initialTermDays: 28, termEnd: addDays(d(m.start), 28), costCentre: 'CC-IFA', emergencyReason: 'spec' } },
    ...(m.rateChanges ?? []).map((r): PlacementEvent => ({ type: 'PlacementRateChanged', data: { placementId, effectiveFrom: d(r.from), weeklyRatePence: r.ratePence as Pence, previousWeeklyRatePence: m.ratePence as Pence, reason: 'spec' } })),
    ...(m.shares ?? []).map((s): PlacementEvent => ({ type: 'JointFundingAgreed', data: { placementId, contributor: s.contributor, shareBasisPoints: s.basisPoints, effectiveFrom: d(s.from) } })),
    ...(m.end === undefined ? [] : [{ type: 'PlacementEnded', data: { placementId, endDate: d(m.end), reason: 'E4A' } } as PlacementEvent]),
  ];
  return events.reduce(evolvePlacement, initialPlacementState);
}

export const ledgerOf = (...made: Made[]): LedgerAsAt => ({ asAt: '2026-12-01T12:00:00.000Z', placements: made.map(placement), budgets: new Map() });

import { evolvePlacement, initialPlacementState, type LocalDate, type Pence, type PlacementEvent, type PlacementState } from '@ledger/domain';

/** What a spec says of an external placement; the rest is filled in. For specs only. */
export interface PlacedSpec {
  readonly id: string;
  readonly start: string;
  readonly weeklyRatePence?: number;
  readonly placementType?: string;
  readonly costCentre?: string;
  readonly ageAtRequest?: number;
  readonly end?: string;
  readonly rateChange?: { readonly from: string; readonly weeklyRatePence: number };
}

const d = (s: string) => s as LocalDate;
const provider = { id: 'P', name: 'Provider', type: 'PR4', ofstedGrade: 'good' as const, distanceMiles: 5 };

/** A commissioned placement's state from its events: requested and commissioned on `start`, then as the spec says. */
export function placedFor(spec: PlacedSpec): PlacementState {
  const { id, start } = spec;
  const rate = (spec.weeklyRatePence ?? 80_000) as Pence;
  const events: PlacementEvent[] = [
    { type: 'PlacementRequested', data: { placementId: id, childRef: `LAC-${id}`, ageAtRequest: spec.ageAtRequest ?? 9, needs: [], placementTypeSought: spec.placementType ?? 'U4', urgency: 'planned', requiredFrom: d(start), siblingGroupSize: 1 } },
    { type: 'PlacementCommissioned', data: { placementId: id, provider, placementType: spec.placementType ?? 'U4', weeklyRatePence: rate, startDate: d(start), initialTermDays: 28, termEnd: d(plusDays(start, 28)), costCentre: spec.costCentre ?? 'CC-IFA', emergencyReason: 'x' } },
  ];
  if (spec.rateChange !== undefined) {
    events.push({ type: 'PlacementRateChanged', data: { placementId: id, effectiveFrom: d(spec.rateChange.from), weeklyRatePence: spec.rateChange.weeklyRatePence as Pence, previousWeeklyRatePence: rate, reason: 'uplift' } });
  }
  if (spec.end !== undefined) events.push({ type: 'PlacementEnded', data: { placementId: id, endDate: d(spec.end), reason: 'E4A' } });
  return events.reduce(evolvePlacement, initialPlacementState);
}

export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

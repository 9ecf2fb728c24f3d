import { randomUUID } from 'node:crypto';
import {
  addDays, decidePlacement, defaultRateBandFor, evolvePlacement, initialPlacementState, PLACEMENT_EVENT_VERSIONS, type DecisionContext, type LocalDate,
  type Pence, type PlacementCommand, type PlacementEvent, type PlacementState,
} from '@ledger/domain';
import type { NewEvent } from '@ledger/event-store';
import { Prng } from '../../libs/application/src/demo/prng';

export interface SyntheticStream {
  readonly streamId: string;
  readonly events: NewEvent[];
}

const provider = { id: 'IFA-B', name: 'Bench Fostering', type: 'PR4', ofstedGrade: 'good' as const, distanceMiles: 9 };

/**
 * A ledger for benchmarks, every event decided by the real decider: each placement is requested,
 * searched, commissioned, reviewed and extended every `termDays`, with rate changes, joint funding
 * and (for most) an end, over `years` up to `today`. Each day's facts are stamped at 10:00 UTC that day,
 * today's no later than `recordedBy`.
 */
export function* syntheticLedger(options: {
  placements: number; years: number; today: string; termDays: number; seed: number;
  /** No fact is stamped later than this (a benchmark's start): today's facts are not ahead of the clock. */
  recordedBy?: Date;
}): Generator<SyntheticStream> {
  const rng = new Prng(options.seed);
  const today = options.today as LocalDate;
  const span = Math.round(options.years * 365);
  for (let i = 0; i < options.placements; i++) {
    const placementId = randomUUID();
    const start = addDays(today, -rng.int(30, span));
    const end = rng.chance(0.75) ? addDays(start, rng.int(30, span)) : undefined;
    const last = end !== undefined && end < today ? end : today;
    const rate = rng.int(80, 480) * 1000;
    const commands: [LocalDate, PlacementCommand][] = [
      [addDays(start, -3), { type: 'RequestPlacement', data: { placementId, childRef: rng.childRef(), ageAtRequest: rng.int(0, 17), needs: [], placementTypeSought: 'U4', urgency: 'planned', requiredFrom: start, siblingGroupSize: 1 } }],
      [addDays(start, -2), { type: 'RecordInHouseSearch', data: { searchedOn: addDays(start, -2), options: [{ resource: 'In-house carers', outcome: 'unavailable' }] } }],
      [start, { type: 'CommissionPlacement', data: { provider, placementType: rng.pick(['U4', 'U6']), weeklyRatePence: rate as Pence, startDate: start, costCentre: rng.pick(['CC-IFA', 'CC-RES', 'CC-DIS', 'CC-EDU']), initialTermDays: 28 } }],
    ];
    if (rng.chance(0.1)) commands.push([addDays(start, 5), { type: 'AgreeJointFunding', data: { contributor: 'health', shareBasisPoints: 2500, effectiveFrom: addDays(start, 5) } }]);
    for (let termEnd = addDays(start, 28); addDays(termEnd, -3) <= last; termEnd = addDays(termEnd, options.termDays)) {
      const reviewedOn = addDays(termEnd, -3);
      commands.push([reviewedOn, { type: 'RecordFourWeekReview', data: { reviewedOn, outcome: 'extend' } }]);
      commands.push([reviewedOn, { type: 'ExtendPlacement', data: { newTermEnd: addDays(termEnd, options.termDays), reason: 'Continues' } }]);
      if (rng.chance(0.08)) commands.push([reviewedOn, { type: 'ChangeRate', data: { effectiveFrom: termEnd, weeklyRatePence: (rate + rng.int(1, 20) * 1000) as Pence, reason: 'Uplift' } }]);
    }
    if (end !== undefined) commands.push([last, { type: 'EndPlacement', data: { endDate: end, reason: 'E4A' } }]);
    let state: PlacementState = initialPlacementState;
    const events: NewEvent[] = [];
    for (const [day, command] of commands) {
      const context: DecisionContext = { today: day < today ? day : today, rateBandFor: defaultRateBandFor, reviewDueWithinDays: 7 };
      let decided: PlacementEvent[];
      try {
        decided = decidePlacement(command, state, context);
      } catch {
        continue; // e.g. a same-rate change: the decider's refusal is the realistic outcome
      }
      state = decided.reduce(evolvePlacement, state);
      const metadata = { actorId: 'bench', actorRole: 'commissioner', recordedAt: stampOf(day, options.recordedBy), correlationId: placementId, causationId: placementId };
      for (const event of decided) events.push({ eventId: randomUUID(), type: event.type, version: PLACEMENT_EVENT_VERSIONS[event.type], data: event.data as Record<string, unknown>, metadata });
    }
    yield { streamId: `placement-${placementId}`, events };
  }
}

function stampOf(day: LocalDate, recordedBy: Date | undefined): string {
  const stamp = `${day}T10:00:00.000Z`;
  return recordedBy !== undefined && Date.parse(stamp) > recordedBy.getTime() ? recordedBy.toISOString() : stamp;
}

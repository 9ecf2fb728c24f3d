import { END_REASONS, LEGACY_END_REASONS, PLACEMENT_TYPES, formatPounds, type Pence, type PlacementEvent } from '@ledger/domain';
import type { HistoryEntry } from '@ledger/application';
import { longDate, percentFromBasisPoints } from '../../rendering/format';
import { OFSTED_GRADES } from './status-words';

/** One event of the timeline in plain words: what happened, the business date it took effect, and why. */
export interface TimelineItem {
  readonly title: string;
  /** The business date (start, review, effective, end), when the event has one. */
  readonly effectiveDate?: string;
  readonly details: readonly string[];
  /** Reasons and notes, as recorded. */
  readonly why?: string;
  readonly recordedAt: string;
  readonly actorId: string;
  readonly actorRole: string;
}

const OUTCOME_WORDS = { available: 'available', unavailable: 'not available', unsuitable: 'not suitable' } as const;
const REVIEW_WORDS = { extend: 'extend', end: 'end', 'step-down-in-house': 'step down to in-house provision' } as const;
const endReason = (code: string) => END_REASONS[code] ?? LEGACY_END_REASONS[code] ?? code;
const perWeek = (pence: Pence) => `${formatPounds(pence)} a week`;

function words(event: PlacementEvent): Omit<TimelineItem, 'recordedAt' | 'actorId' | 'actorRole'> {
  switch (event.type) {
    case 'PlacementRequested': {
      const d = event.data;
      return {
        title: 'Placement requested', effectiveDate: d.requiredFrom,
        details: [
          `${d.urgency === 'emergency' ? 'Emergency' : 'Planned'} request for ${d.placementTypeSought} (${PLACEMENT_TYPES[d.placementTypeSought] ?? 'placement'}), needed from ${longDate(d.requiredFrom)}.`,
          `Child ${d.childRef}, aged ${d.ageAtRequest}${d.siblingGroupSize > 1 ? `, to be placed with ${d.siblingGroupSize - 1} sibling${d.siblingGroupSize > 2 ? 's' : ''}` : ''}.`,
          ...(d.needs.length > 0 ? [`Needs: ${d.needs.join(', ')}.`] : []),
        ],
      };
    }
    case 'InHouseSearchRecorded':
      return {
        title: event.data.inHouseOptionAvailable ? 'In-house search found an option' : 'In-house search found no suitable option',
        effectiveDate: event.data.searchedOn,
        details: event.data.options.map((o) => `${o.resource}: ${OUTCOME_WORDS[o.outcome]}.`),
        why: event.data.options.filter((o) => o.note).map((o) => `${o.resource}: ${o.note}`).join(' ') || undefined,
      };
    case 'PlacementMatchedInHouse':
      return { title: 'Met in-house', effectiveDate: event.data.startDate, details: [`Placed with ${event.data.resource} from ${longDate(event.data.startDate)}.`] };
    case 'PlacementCommissioned': {
      const d = event.data;
      return {
        title: `Commissioned from ${d.provider.name}`, effectiveDate: d.startDate,
        details: [
          `${perWeek(d.weeklyRatePence)} from ${longDate(d.startDate)}, an initial term of ${d.initialTermDays} days; review due before ${longDate(d.termEnd)}.`,
          `Ofsted grade ${OFSTED_GRADES[d.provider.ofstedGrade] ?? d.provider.ofstedGrade}, ${d.provider.distanceMiles} miles away. Charged to ${d.costCentre}.`,
          d.inHouseSearchOn === undefined ? 'Commissioned without a prior in-house search (emergency).' : `Relied on the in-house search of ${longDate(d.inHouseSearchOn)}.`,
          ...(d.rateException ? [`Rate outside the band approved by ${d.rateException.approvedBy}.`] : []),
        ],
        why: [d.emergencyReason && `Emergency: ${d.emergencyReason}`, d.rateException && `Rate exception: ${d.rateException.reason}`].filter(Boolean).join(' ') || undefined,
      };
    }
    case 'ReviewDueFlagged':
      return { title: 'Four-week review due', effectiveDate: event.data.flaggedOn, details: [`The term ending ${longDate(event.data.termEnd)} needs its review.`] };
    case 'ReviewOverdueFlagged':
      return { title: 'Four-week review overdue', effectiveDate: event.data.flaggedOn, details: [`The term ended on ${longDate(event.data.termEnd)} without a review.`] };
    case 'FourWeekReviewRecorded':
      return {
        title: `Four-week review: ${REVIEW_WORDS[event.data.outcome]}`, effectiveDate: event.data.reviewedOn,
        details: [`Review of the term ending ${longDate(event.data.termEnd)}, ${event.data.onTime ? 'on time' : 'late (on or after the term end)'}.`],
        why: event.data.notes || undefined,
      };
    case 'PlacementExtended':
      return {
        title: `Extended to ${longDate(event.data.newTermEnd)}`, effectiveDate: event.data.previousTermEnd,
        details: [
          `The term now ends on ${longDate(event.data.newTermEnd)} (it ended on ${longDate(event.data.previousTermEnd)}).`,
          ...(event.data.weeklyRatePence === undefined ? [] : [`New rate ${perWeek(event.data.weeklyRatePence)} from ${longDate(event.data.previousTermEnd)}.`]),
        ],
        why: event.data.reason,
      };
    case 'PlacementRateChanged':
      return {
        title: `Rate changed from ${perWeek(event.data.previousWeeklyRatePence)} to ${perWeek(event.data.weeklyRatePence)}`, effectiveDate: event.data.effectiveFrom,
        details: [`In force from ${longDate(event.data.effectiveFrom)}.`, ...(event.data.rateException ? [`Outside the band, approved by ${event.data.rateException.approvedBy}: ${event.data.rateException.reason}`] : [])],
        why: event.data.reason,
      };
    case 'JointFundingAgreed':
      return {
        title: `Joint funding agreed with ${event.data.contributor}`, effectiveDate: event.data.effectiveFrom,
        details: [`${event.data.contributor} pays ${percentFromBasisPoints(event.data.shareBasisPoints)} of the cost from ${longDate(event.data.effectiveFrom)}.`],
      };
    case 'PlacementEnded':
      return {
        title: event.data.correctsEndDate === undefined ? 'Placement ended' : 'End date corrected', effectiveDate: event.data.endDate,
        details: [
          `The child left on ${longDate(event.data.endDate)} (not charged).`,
          ...(event.data.correctsEndDate === undefined ? [] : [`Replaces the end recorded as ${longDate(event.data.correctsEndDate)}.`]),
        ],
        why: `${event.data.reason}: ${endReason(event.data.reason)}`,
      };
    case 'PlacementRequestWithdrawn':
      return { title: 'Request withdrawn', details: [], why: event.data.reason };
    default: {
      const unreachable: never = event;
      throw new Error(`Unknown placement event ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The history, newest first, as the timeline shows it. */
export function timelineItems(history: readonly HistoryEntry[]): TimelineItem[] {
  return history.map((entry) => ({
    ...words({ type: entry.type, data: entry.data } as PlacementEvent),
    recordedAt: entry.recordedAt, actorId: entry.actorId, actorRole: entry.actorRole,
  })).reverse();
}

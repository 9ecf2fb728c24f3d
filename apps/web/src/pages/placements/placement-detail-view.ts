import {
  addDays, addWorkingDays, costTimelineOf, cumulativeContributions, cumulativeGross, cumulativeNet, currentRate, reviewOfCurrentTerm,
  latestSearch, type LocalDate, type PlacementState,
} from '@ledger/domain';
import { longDate } from '../../rendering/format';

type Known = Exclude<PlacementState, { status: 'Initial' }>;

/** Something the placement is waiting for, with whether it is already late. */
export interface DueItem {
  readonly text: string;
  readonly overdue: boolean;
}

/** Gross, contributions and net of every day before `today` (days from today on are still to come). */
export function costToDate(state: Known, today: LocalDate) {
  const timeline = costTimelineOf(state);
  if (timeline === undefined) return undefined;
  return {
    grossPence: cumulativeGross(timeline, today), contributionsPence: cumulativeContributions(timeline, today), netPence: cumulativeNet(timeline, today),
  };
}

/**
 * What the placement needs next, by the domain's rules: the search before commissioning, the search
 * within 5 working days of an emergency start, the four-week review before the term ends, the extension
 * or end the review decided.
 */
export function dueNext(state: Known, today: LocalDate): DueItem[] {
  switch (state.status) {
    case 'Requested': {
      const search = latestSearch(state.searches);
      if (search === undefined) {
        return [{ text: state.request.urgency === 'emergency'
          ? 'Record the in-house search, or commission now as an emergency with the reason (the search must then follow within 5 working days).'
          : 'Record the in-house search: in-house fostering, kinship or connected carers, and the council’s own children’s homes.', overdue: false }];
      }
      return [{ text: search.inHouseOptionAvailable
        ? `The in-house search of ${longDate(search.searchedOn)} found an available option: record the in-house match.`
        : `The in-house search of ${longDate(search.searchedOn)} found no suitable option: commission an external placement.`, overdue: false }];
    }
    case 'Commissioned': {
      const items: DueItem[] = [];
      if (state.emergencyReason !== undefined && state.searches.every((s) => s.searchedOn < state.startDate)) {
        const by = addWorkingDays(state.startDate, 5);
        items.push({ text: `Emergency commission: record the in-house search by ${longDate(by)} (5 working days from the start).`, overdue: today > by });
      }
      const review = reviewOfCurrentTerm(state);
      if (review === undefined) {
        const lastDay = addDays(state.termEnd, -1);
        items.push(today >= state.termEnd
          ? { text: `The four-week review was due by ${longDate(lastDay)} (the term ended on ${longDate(state.termEnd)}): record it now.`, overdue: true }
          : { text: `Record the four-week review by ${longDate(lastDay)}, before the term ends on ${longDate(state.termEnd)}.`, overdue: false });
      } else if (review.outcome === 'extend') {
        items.push({ text: `The review decided to extend: record the extension beyond ${longDate(state.termEnd)}.`, overdue: today >= state.termEnd });
      } else {
        items.push({ text: `The review decided to ${review.outcome === 'end' ? 'end the placement' : 'step down to in-house provision'}: record the end.`, overdue: today >= state.termEnd });
      }
      return items;
    }
    case 'MatchedInHouse':
    case 'Withdrawn':
    case 'Ended':
      return [];
    default: {
      const unreachable: never = state;
      throw new Error(`Unknown placement state ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The forms this status allows, as links; the commissioner's only. */
export function actionsFor(state: Known, placementId: string): { readonly text: string; readonly href: string }[] {
  const link = (slug: string, text: string) => ({ text, href: `/placements/${placementId}/${slug}` });
  switch (state.status) {
    case 'Requested': {
      const available = latestSearch(state.searches)?.inHouseOptionAvailable === true;
      return [
        link('in-house-search', 'Record an in-house search'),
        available ? link('in-house-match', 'Record the in-house match') : link('commission', 'Commission an external placement'),
        link('withdraw', 'Withdraw the request'),
      ];
    }
    case 'Commissioned':
      return [
        link('review', 'Record the four-week review'), link('extend', 'Extend the placement'), link('rate-change', 'Change the weekly rate'),
        link('joint-funding', 'Record joint funding'), link('end', 'End the placement'),
        ...(state.emergencyReason !== undefined ? [link('in-house-search', 'Record the in-house search')] : []),
      ];
    case 'Ended':
      return [link('rate-change', 'Correct the weekly rate'), link('joint-funding', 'Record joint funding'), link('end', 'Correct the end date')];
    case 'MatchedInHouse':
    case 'Withdrawn':
      return [];
    default: {
      const unreachable: never = state;
      throw new Error(`Unknown placement state ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The current term as [from, to): from the start, or from the last extension's previous term end. */
export function currentTerm(state: Known) {
  if (state.status !== 'Commissioned' && state.status !== 'Ended') return undefined;
  const from = state.extensions.length === 0 ? state.startDate : state.extensions[state.extensions.length - 1].previousTermEnd;
  return { from, termEnd: state.termEnd, weeklyRatePence: currentRate(state), reviewed: reviewOfCurrentTerm(state) !== undefined };
}

import { NotFoundError, type PlacementView } from '@ledger/application';
import { addDays, PLACEMENT_TYPES, END_REASONS, formatPounds, sharesInForceOn, type LocalDate } from '@ledger/domain';
import { longDate, percentFromBasisPoints } from '../../rendering/format';
import { currentTerm } from './placement-detail-view';
import { isPlacementId, listStatusOf, OFSTED_GRADES, STATUS_TAGS } from './status-words';

type Row = { readonly key: { readonly text: string }; readonly value: { readonly text: string } };
const row = (key: string, value: string): Row => ({ key: { text: key }, value: { text: value } });

/** The placement's id checked before the store is asked: a non-UUID is simply no such placement. */
export async function loadPlacement(get: (id: string) => Promise<PlacementView>, id: string): Promise<PlacementView> {
  if (!isPlacementId(id)) throw new NotFoundError(`There is no placement ${id}`);
  return get(id.toLowerCase());
}

/** What every placement page shows of it: the heading, the status tag and the summary rows. */
export function placementSummary(view: PlacementView, today: LocalDate) {
  const state = view.state;
  if (state.status === 'Initial') throw new NotFoundError(`There is no placement ${view.placementId}`);
  const rows: Row[] = [
    row('Child reference', state.childRef),
    row('Request', `${state.request.urgency === 'emergency' ? 'Emergency' : 'Planned'}, needed from ${longDate(state.request.requiredFrom)}; ${state.request.placementTypeSought} sought`),
  ];
  if (state.status === 'MatchedInHouse') rows.push(row('In-house placement', `${state.resource}, from ${longDate(state.startDate)}`));
  if (state.status === 'Withdrawn') rows.push(row('Withdrawn because', state.reason));
  if (state.status === 'Commissioned' || state.status === 'Ended') {
    const grade = OFSTED_GRADES[state.provider.ofstedGrade] ?? state.provider.ofstedGrade;
    const flags = [
      ...(['requires-improvement', 'inadequate'].includes(state.provider.ofstedGrade) ? ['graded below good'] : []),
      ...(state.provider.distanceMiles > 20 ? ['more than 20 miles away'] : []),
    ];
    const term = currentTerm(state);
    const shares = [...sharesInForceOn(state.jointFunding, today)].map(([who, bp]) => `${who} ${percentFromBasisPoints(bp)}`);
    rows.push(
      row('Provider', `${state.provider.name} (${state.provider.id}). Ofsted: ${grade}. ${state.provider.distanceMiles} miles away.${flags.length ? ` Flagged for compliance: ${flags.join(' and ')}.` : ''}`),
      row('Placement type', `${state.placementType}: ${PLACEMENT_TYPES[state.placementType] ?? ''}`),
      row('Cost centre', state.costCentre),
      row('Started', longDate(state.startDate)),
      row('Current term', term === undefined ? '' : `${longDate(term.from)} to ${longDate(addDays(term.termEnd, -1))} (term ends ${longDate(term.termEnd)}); ${term.reviewed ? 'reviewed' : 'not yet reviewed'}`),
      row('Weekly rate', `${formatPounds(term?.weeklyRatePence ?? state.weeklyRatePence)} a week`),
      row('Joint funding', shares.length === 0 ? 'None in force' : shares.join(', ')),
    );
    if (state.emergencyReason !== undefined) rows.push(row('Emergency reason', state.emergencyReason));
    if (state.status === 'Ended') rows.push(row('Ended', `${longDate(state.endDate)} (not charged): ${state.endReason} ${END_REASONS[state.endReason] ?? ''}`.trim()));
  }
  return { childRef: state.childRef, tag: STATUS_TAGS[listStatusOf(state.status)], rows, state };
}

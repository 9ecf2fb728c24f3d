import { evolvePlacement, initialPlacementState, type LocalDate, type Pence, type PlacementEvent, type Provider } from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { buildCompliance } from './compliance';

const d = (s: string) => s as LocalDate;
const good: Provider = { id: 'G', name: 'Good Fostering', type: 'PR4', ofstedGrade: 'good', distanceMiles: 5 };

function history(id: string, start: string, options: { search?: string; emergency?: boolean; provider?: Provider; reviewedOn?: string; extendTo?: string; end?: string }): PlacementEvent[] {
  const events: PlacementEvent[] = [{ type: 'PlacementRequested', data: { placementId: id, childRef: `LAC-${id}`, ageAtRequest: 10, needs: [], placementTypeSought: 'U4', urgency: options.emergency ? 'emergency' : 'planned', requiredFrom: d(start), siblingGroupSize: 1 } }];
  const search: PlacementEvent | undefined = options.search === undefined ? undefined
    : { type: 'InHouseSearchRecorded', data: { placementId: id, searchedOn: d(options.search), options: [{ resource: 'x', outcome: 'unavailable' }], inHouseOptionAvailable: false } };
  if (search && options.search! <= start) events.push(search);
  events.push({ type: 'PlacementCommissioned', data: { placementId: id, provider: options.provider ?? good, placementType: 'U4', weeklyRatePence: 90_000 as Pence, startDate: d(start), initialTermDays: 28, termEnd: d('2099-01-01'), costCentre: 'CC-IFA', ...(options.emergency ? { emergencyReason: 'Out of hours' } : {}) } });
  // termEnd above is replaced by the real one the decider would compute.
  const commissioned = events[events.length - 1] as Extract<PlacementEvent, { type: 'PlacementCommissioned' }>;
  events[events.length - 1] = { ...commissioned, data: { ...commissioned.data, termEnd: addDays(start, 28) } };
  if (search && options.search! > start) events.push(search);
  if (options.reviewedOn) events.push({ type: 'FourWeekReviewRecorded', data: { placementId: id, reviewedOn: d(options.reviewedOn), outcome: 'extend', termEnd: addDays(start, 28), onTime: options.reviewedOn < addDays(start, 28) } });
  if (options.extendTo) events.push({ type: 'PlacementExtended', data: { placementId: id, previousTermEnd: addDays(start, 28), newTermEnd: d(options.extendTo), reason: 'r' } });
  if (options.end) events.push({ type: 'PlacementEnded', data: { placementId: id, endDate: d(options.end), reason: 'E4A' } });
  return events;
}

function addDays(date: string, n: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10) as LocalDate;
}

const fold = (events: PlacementEvent[]) => events.reduce(evolvePlacement, initialPlacementState);
const matchedInHouse = fold([
  { type: 'PlacementRequested', data: { placementId: 'm', childRef: 'LAC-M', ageAtRequest: 4, needs: [], placementTypeSought: 'U4', urgency: 'planned', requiredFrom: d('2026-06-01'), siblingGroupSize: 1 } },
  { type: 'InHouseSearchRecorded', data: { placementId: 'm', searchedOn: d('2026-05-28'), options: [{ resource: 'In-house', outcome: 'available' }], inHouseOptionAvailable: true } },
  { type: 'PlacementMatchedInHouse', data: { placementId: 'm', resource: 'In-house', startDate: d('2026-06-01') } },
]);

const ledger: LedgerAsAt = {
  asAt: '2026-09-01T12:00:00.000Z',
  budgets: new Map(),
  placements: [
    fold(history('planned', '2026-06-01', { search: '2026-05-28', reviewedOn: '2026-06-25', extendTo: '2026-09-21' })),
    // Mon 1 June + 5 working days = Mon 8 June.
    fold(history('quick', '2026-06-01', { emergency: true, search: '2026-06-04', reviewedOn: '2026-06-30' })),
    fold(history('slow', '2026-06-01', { emergency: true, search: '2026-06-15', end: '2026-06-20' })),
    fold(history('never', '2026-06-01', { emergency: true, provider: { ...good, name: 'Far Away Care', distanceMiles: 38 } })),
    fold(history('poor', '2026-07-06', { search: '2026-07-01', provider: { ...good, name: 'Struggling Homes', ofstedGrade: 'inadequate' }, end: '2026-08-01' })),
    matchedInHouse,
  ],
};

describe('in-house-first compliance for June–August 2026, as of 1 September', () => {
  const report = buildCompliance(ledger, d('2026-06-01'), d('2026-09-01'), d('2026-09-01'));

  it('counts external commissions and those with a search on record before they started', () => {
    expect(report.commissions).toMatchObject({ external: 5, withPriorSearch: 2, emergency: 3 });
  });

  it('judges each emergency by whether its search came within 5 working days', () => {
    expect(report.commissions.emergencies.map((e) => [e.placementId, e.searchDeadline, e.status])).toEqual([
      ['quick', '2026-06-08', 'ratified-in-time'], ['slow', '2026-06-08', 'ratified-late'], ['never', '2026-06-08', 'non-compliant'],
    ]);
  });

  it('compares requests met in-house with those met externally', () => {
    expect(report.requests).toMatchObject({ metInHouse: 1, metExternally: 5, inHouseShareBasisPoints: 1667 });
  });

  it('sorts each term ending in the period into on time, late and overdue', () => {
    // 'slow' and 'poor' ended before their terms ran out, so no review was needed.
    expect(report.reviews.terms.map((t) => [t.placementId, t.termEnd, t.status])).toEqual([
      ['planned', '2026-06-29', 'on-time'], ['quick', '2026-06-29', 'late'], ['never', '2026-06-29', 'overdue'],
    ]);
    expect(report.reviews).toMatchObject({ onTime: 1, late: 1, overdue: 1 });
  });

  it('flags placements with providers below good and those over 20 miles away', () => {
    expect(report.providersBelowGood).toEqual([expect.objectContaining({ placementId: 'poor', ofstedGrade: 'inadequate' })]);
    expect(report.overDistance).toEqual([expect.objectContaining({ placementId: 'never', distanceMiles: 38 })]);
  });

  it('writes every row with the placement\'s fields first and a date only when there is one', () => {
    const place = ['placementId', 'childRef', 'costCentre', 'providerName'];
    expect(report.reviews.terms.map((t) => Object.keys(t))).toEqual([
      [...place, 'termEnd', 'reviewedOn', 'status'], [...place, 'termEnd', 'reviewedOn', 'status'], [...place, 'termEnd', 'status'],
    ]);
    expect(report.commissions.emergencies.map((e) => Object.keys(e))).toEqual([
      [...place, 'startDate', 'searchDeadline', 'searchedOn', 'status'], [...place, 'startDate', 'searchDeadline', 'searchedOn', 'status'],
      [...place, 'startDate', 'searchDeadline', 'status'],
    ]);
    expect(Object.keys(report.providersBelowGood[0])).toEqual([...place, 'ofstedGrade']);
    expect(Object.keys(report.overDistance[0])).toEqual([...place, 'distanceMiles']);
  });
});

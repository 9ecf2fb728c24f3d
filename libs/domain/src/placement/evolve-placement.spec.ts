import type { LocalDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import { given } from '../testing/given';
import { commissioned, ended, extended, ID, provider, requested, reviewed, searched } from '../testing/placement-history';
import type { PlacementEvent } from './placement-events';
import { currentRate, type PlacementState } from './placement-state';

const d = (s: string) => s as LocalDate;
const p = (n: number) => n as Pence;
const stateAfter = (...events: PlacementEvent[]): PlacementState => given(...events).state;
const active = [requested, searched(), commissioned()];

describe('a placement from request to end', () => {
  it('starts Initial', () => {
    expect(stateAfter()).toEqual({ status: 'Initial' });
  });

  it('is Requested with the request details and no searches once requested', () => {
    expect(stateAfter(requested)).toEqual({ status: 'Requested', placementId: ID, childRef: 'LAC-7Q2P9', searches: [], request: {
      ageAtRequest: 11, needs: [], placementTypeSought: 'U4', urgency: 'planned', requiredFrom: '2026-11-02', siblingGroupSize: 1 } });
  });

  it('keeps each search with whether it found an in-house option', () => {
    expect(stateAfter(requested, searched('2026-10-30', true))).toMatchObject({ status: 'Requested', searches: [
      { searchedOn: '2026-10-30', inHouseOptionAvailable: true, options: [{ resource: 'In-house carers', outcome: 'available' }] }] });
  });

  it('is MatchedInHouse when met in-house', () => {
    const matched: PlacementEvent = { type: 'PlacementMatchedInHouse', data: { placementId: ID, resource: 'Kinship carer', startDate: d('2026-11-02') } };
    expect(stateAfter(requested, searched('2026-10-30', true), matched)).toMatchObject({ status: 'MatchedInHouse', resource: 'Kinship carer', startDate: '2026-11-02' });
  });

  it('is Withdrawn with its reason once withdrawn', () => {
    expect(stateAfter(requested, { type: 'PlacementRequestWithdrawn', data: { placementId: ID, reason: 'Returned home' } }))
      .toMatchObject({ status: 'Withdrawn', reason: 'Returned home' });
  });

  it('is Commissioned with its provider, type, cost centre, rate, start and first term end', () => {
    expect(stateAfter(...active)).toEqual({
      status: 'Commissioned', placementId: ID, childRef: 'LAC-7Q2P9', request: expect.any(Object), searches: [expect.any(Object)],
      provider, placementType: 'U4', costCentre: 'CC-IFA', startDate: '2026-11-02', initialTermDays: 28, termEnd: '2026-11-30',
      weeklyRatePence: 95_000, rates: [{ effectiveFrom: '2026-11-02', weeklyRatePence: 95_000 }],
      reviews: [], flaggedDue: [], flaggedOverdue: [], jointFunding: [], extensions: [] });
  });

  it('records reviews and flags by the term they belong to', () => {
    const flag = { placementId: ID, termEnd: d('2026-11-30'), flaggedOn: d('2026-11-23') };
    const state = stateAfter(...active, { type: 'ReviewDueFlagged', data: flag }, { type: 'ReviewOverdueFlagged', data: flag }, reviewed('2026-11-30', 'extend'));
    expect(state).toMatchObject({ flaggedDue: ['2026-11-30'], flaggedOverdue: ['2026-11-30'],
      reviews: [{ termEnd: '2026-11-30', reviewedOn: '2026-11-30', outcome: 'extend', onTime: false }] });
  });

  it('moves the term end on an extension, and the rate when it changes', () => {
    const withRate: PlacementEvent = { type: 'PlacementExtended', data: { placementId: ID, previousTermEnd: d('2026-11-30'), newTermEnd: d('2027-02-22'), weeklyRatePence: p(99_000), reason: 'r' } };
    expect(stateAfter(...active, reviewed(), extended())).toMatchObject({ termEnd: '2027-02-22', weeklyRatePence: 95_000,
      extensions: [{ previousTermEnd: '2026-11-30', newTermEnd: '2027-02-22' }] });
    expect(stateAfter(...active, reviewed(), withRate)).toMatchObject({ termEnd: '2027-02-22', weeklyRatePence: 99_000,
      rates: [{ effectiveFrom: '2026-11-02', weeklyRatePence: 95_000 }, { effectiveFrom: '2026-11-30', weeklyRatePence: 99_000 }] });
  });

  it('keeps the latest-effective rate as current when an earlier one is backdated', () => {
    const change = (effectiveFrom: string, rate: number): PlacementEvent => ({ type: 'PlacementRateChanged', data: {
      placementId: ID, effectiveFrom: d(effectiveFrom), weeklyRatePence: p(rate), previousWeeklyRatePence: p(95_000), reason: 'r' } });
    const state = stateAfter(...active, change('2026-12-01', 99_000), change('2026-11-02', 90_000));
    expect(state).toMatchObject({ weeklyRatePence: 99_000 });
    expect(state.status === 'Commissioned' && currentRate(state)).toBe(99_000);
  });

  it('is Ended with the day the child left, and a correction replaces it', () => {
    expect(stateAfter(...active, ended('2026-12-20'))).toMatchObject({ status: 'Ended', endDate: '2026-12-20', endReason: 'E4A', termEnd: '2026-11-30' });
    const corrected: PlacementEvent = { type: 'PlacementEnded', data: { placementId: ID, endDate: d('2026-12-13'), reason: 'E8', correctsEndDate: d('2026-12-20') } };
    expect(stateAfter(...active, ended('2026-12-20'), corrected)).toMatchObject({ status: 'Ended', endDate: '2026-12-13', endReason: 'E8' });
  });

  it.each([{}, { emergencyReason: 'Placed out of hours' }])('keeps every field of the running placement when it ends (%o), in the same order', (overrides) => {
    const history = [requested, searched(), commissioned(overrides), reviewed(), extended(),
      { type: 'JointFundingAgreed', data: { placementId: ID, contributor: 'health', shareBasisPoints: 2500, effectiveFrom: d('2026-11-10') } } as PlacementEvent];
    const running = stateAfter(...history);
    const expected = { ...running, status: 'Ended', endDate: '2026-12-20', endReason: 'E4A' };
    expect(running).toMatchObject(overrides);
    expect(stateAfter(...history, ended('2026-12-20'))).toStrictEqual(expected);
    expect(Object.keys(stateAfter(...history, ended('2026-12-20')))).toEqual(Object.keys(expected));
  });

  it('keeps the request and its searches when matched in-house or withdrawn', () => {
    const requestedState = stateAfter(requested, searched('2026-10-30', true));
    expect(stateAfter(requested, searched('2026-10-30', true), { type: 'PlacementRequestWithdrawn', data: { placementId: ID, reason: 'Returned home' } }))
      .toStrictEqual({ ...requestedState, status: 'Withdrawn', reason: 'Returned home' });
    expect(stateAfter(requested, searched('2026-10-30', true), { type: 'PlacementMatchedInHouse', data: { placementId: ID, resource: 'Kinship carer', startDate: d('2026-11-02') } }))
      .toStrictEqual({ ...requestedState, status: 'MatchedInHouse', resource: 'Kinship carer', startDate: '2026-11-02' });
  });

  it('survives a JSON round trip unchanged (plain data, no classes)', () => {
    const state = stateAfter(...active, reviewed(), extended(), ended());
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});

describe('an event that does not fit the state', () => {
  it('leaves the state unchanged', () => {
    expect(stateAfter(commissioned())).toEqual({ status: 'Initial' });
    expect(stateAfter(requested, ended())).toEqual(stateAfter(requested));
    expect(stateAfter(...active, requested)).toEqual(stateAfter(...active));
    expect(stateAfter(searched())).toEqual({ status: 'Initial' });
  });
});

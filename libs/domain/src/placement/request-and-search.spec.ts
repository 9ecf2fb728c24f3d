import type { LocalDate } from '../calendar/local-date';
import { context, given } from '../testing/given';
import { ID, requested, searched } from '../testing/placement-history';
import { upcastPlacementEvent } from './placement-versions';

const d = (s: string) => s as LocalDate;

describe('a new placement request', () => {
  it('is recorded as requested', () => {
    given().when({ type: 'RequestPlacement', data: requested.data as never }).then([requested]);
  });

  it('cannot be requested twice', () => {
    given(requested).when({ type: 'RequestPlacement', data: requested.data as never }).thenThrows('placement-state');
  });
});

describe('an in-house search', () => {
  it('records whether any in-house option was available', () => {
    given(requested).when({ type: 'RecordInHouseSearch', data: { searchedOn: d('2026-10-30'), options: [
      { resource: 'Kinship carer', outcome: 'unsuitable' }, { resource: 'In-house carers', outcome: 'available' }] } })
      .then([{ type: 'InHouseSearchRecorded', data: { placementId: ID, searchedOn: d('2026-10-30'), inHouseOptionAvailable: true,
        options: [{ resource: 'Kinship carer', outcome: 'unsuitable' }, { resource: 'In-house carers', outcome: 'available' }] } }]);
  });

  it('must list the options considered', () => {
    given(requested).when({ type: 'RecordInHouseSearch', data: { searchedOn: d('2026-10-30'), options: [] } }).thenThrows('in-house-first');
  });

  it('cannot be recorded for a placement never requested', () => {
    given().when({ type: 'RecordInHouseSearch', data: { searchedOn: d('2026-10-30'), options: [{ resource: 'x', outcome: 'unavailable' }] } })
      .thenThrows('placement-state');
  });

  it('stored as version 1, without the availability flag, is read with it derived', () => {
    expect(upcastPlacementEvent('InHouseSearchRecorded', 1, { placementId: ID, searchedOn: '2026-10-30', options: [{ resource: 'x', outcome: 'available' }] }))
      .toEqual({ type: 'InHouseSearchRecorded', data: expect.objectContaining({ inHouseOptionAvailable: true }) });
  });
});

describe('meeting a request in-house', () => {
  const match = { type: 'MatchInHouse' as const, data: { resource: 'In-house carers', startDate: d('2026-11-02') } };

  it('follows a search that found an available option', () => {
    given(requested, searched('2026-10-30', true)).when(match)
      .then([{ type: 'PlacementMatchedInHouse', data: { placementId: ID, resource: 'In-house carers', startDate: d('2026-11-02') } }]);
  });

  it('is refused when no search found an available option', () => {
    given(requested, searched('2026-10-30', false)).when(match).thenThrows('in-house-first');
  });
});

describe('withdrawing a request', () => {
  it('is allowed before anything is commissioned', () => {
    given(requested).when({ type: 'WithdrawRequest', data: { reason: 'Returned home' } })
      .then([{ type: 'PlacementRequestWithdrawn', data: { placementId: ID, reason: 'Returned home' } }]);
  });

  it('leaves a withdrawn request closed to further searches', () => {
    const withdrawn = given(requested).when({ type: 'WithdrawRequest', data: { reason: 'x' } }, context()).events();
    given(requested, ...withdrawn).when({ type: 'RecordInHouseSearch', data: { searchedOn: d('2026-10-30'), options: [{ resource: 'x', outcome: 'unavailable' }] } })
      .thenThrows('placement-state');
  });
});

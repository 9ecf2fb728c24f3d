import type { LocalDate } from '../calendar/local-date';
import { context, given } from '../testing/given';
import { commissioned, ended, ID, requested, searched } from '../testing/placement-history';
import { PLACEMENT_EVENT_TYPES } from './placement-events';
import { PLACEMENT_EVENT_VERSIONS, upcastPlacementEvent } from './placement-versions';

const d = (s: string) => s as LocalDate;
const search = (searchedOn: string) => ({ type: 'RecordInHouseSearch' as const, data: { searchedOn: d(searchedOn), options: [{ resource: 'x', outcome: 'unavailable' as const }] } });
const matched = { type: 'PlacementMatchedInHouse' as const, data: { placementId: ID, resource: 'In-house carers', startDate: d('2026-11-02') } };

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

  it('may follow an emergency commission, to ratify it', () => {
    const emergency = commissioned({ emergencyReason: 'Police protection', inHouseSearchOn: undefined });
    expect(given(requested, emergency).when(search('2026-11-04')).events()).toMatchObject([{ type: 'InHouseSearchRecorded', data: { searchedOn: '2026-11-04' } }]);
  });

  it('cannot be recorded once the placement has ended or was met in-house', () => {
    given(requested, searched(), commissioned(), ended()).when(search('2026-12-21')).thenThrows('placement-state');
    given(requested, searched('2026-10-30', true), matched).when(search('2026-11-03')).thenThrows('placement-state', /met in-house/);
  });

  it('cannot be recorded for a placement never requested', () => {
    given().when({ type: 'RecordInHouseSearch', data: { searchedOn: d('2026-10-30'), options: [{ resource: 'x', outcome: 'unavailable' }] } })
      .thenThrows('placement-state');
  });

  it('stored as version 1, without the availability flag, is read with it derived', () => {
    expect(upcastPlacementEvent('InHouseSearchRecorded', 1, { placementId: ID, searchedOn: '2026-10-30', options: [{ resource: 'x', outcome: 'available' }] }))
      .toEqual({ type: 'InHouseSearchRecorded', data: expect.objectContaining({ inHouseOptionAvailable: true }) });
    expect(upcastPlacementEvent('InHouseSearchRecorded', 1, { placementId: ID, searchedOn: '2026-10-30', options: [{ resource: 'x', outcome: 'unsuitable' }] }).data)
      .toMatchObject({ inHouseOptionAvailable: false });
  });

  it('stored at the current version, is read as written', () => {
    expect(upcastPlacementEvent('InHouseSearchRecorded', PLACEMENT_EVENT_VERSIONS.InHouseSearchRecorded, searched().data)).toEqual(searched());
    expect(upcastPlacementEvent('PlacementEnded', 1, ended().data)).toEqual(ended());
  });

  it('of an unknown type is refused', () => {
    expect(() => upcastPlacementEvent('PlacementDeleted', 1, {})).toThrow(/Unknown placement event type/);
  });
});

describe('meeting a request in-house', () => {
  const match = { type: 'MatchInHouse' as const, data: { resource: 'In-house carers', startDate: d('2026-11-02') } };

  it('follows a search that found an available option', () => {
    given(requested, searched('2026-10-30', true)).when(match)
      .then([{ type: 'PlacementMatchedInHouse', data: { placementId: ID, resource: 'In-house carers', startDate: d('2026-11-02') } }]);
  });

  it('is refused when no search found an available option, or none was recorded', () => {
    given(requested, searched('2026-10-30', false)).when(match).thenThrows('in-house-first');
    given(requested).when(match).thenThrows('in-house-first');
  });

  it('relies on the latest search by date, even one recorded before an earlier-dated one', () => {
    given(requested, searched('2026-10-31', false), searched('2026-10-29', true)).when(match).thenThrows('in-house-first');
    expect(given(requested, searched('2026-10-31', true), searched('2026-10-29', false)).when(match).events()).toHaveLength(1);
  });

  it('is refused once matched, or once commissioned externally', () => {
    given(requested, searched('2026-10-30', true), matched).when(match).thenThrows('placement-state');
    given(requested, searched(), commissioned()).when(match).thenThrows('placement-state');
  });
});

describe('withdrawing a request', () => {
  it('is allowed before anything is commissioned', () => {
    given(requested).when({ type: 'WithdrawRequest', data: { reason: 'Returned home' } })
      .then([{ type: 'PlacementRequestWithdrawn', data: { placementId: ID, reason: 'Returned home' } }]);
  });

  it('is refused once commissioned (end it instead), or before any request', () => {
    given(requested, searched(), commissioned()).when({ type: 'WithdrawRequest', data: { reason: 'x' } }).thenThrows('placement-state');
    given().when({ type: 'WithdrawRequest', data: { reason: 'x' } }).thenThrows('placement-state');
  });

  it('leaves a withdrawn request closed to further searches', () => {
    const withdrawn = given(requested).when({ type: 'WithdrawRequest', data: { reason: 'x' } }, context()).events();
    given(requested, ...withdrawn).when({ type: 'RecordInHouseSearch', data: { searchedOn: d('2026-10-30'), options: [{ resource: 'x', outcome: 'unavailable' }] } })
      .thenThrows('placement-state');
  });
});

describe('the stored event types', () => {
  it('each have a current version', () => {
    expect(Object.keys(PLACEMENT_EVENT_VERSIONS).sort()).toEqual([...PLACEMENT_EVENT_TYPES].sort());
  });
});

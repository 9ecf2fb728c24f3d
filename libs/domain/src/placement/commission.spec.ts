import type { LocalDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import { given } from '../testing/given';
import { commission, commissioned, ended, ID, requested, searched } from '../testing/placement-history';

const d = (s: string) => s as LocalDate;
const p = (n: number) => n as Pence;

describe('commissioning after an in-house search found nothing', () => {
  it('commissions for 28 days, the term ending on the 29th day (exclusive)', () => {
    given(requested, searched()).when(commission()).then([commissioned()]);
  });

  it('commissions a shorter initial term when asked', () => {
    const [event] = given(requested, searched()).when(commission({ initialTermDays: 14 })).events();
    expect(event.data).toMatchObject({ initialTermDays: 14, termEnd: '2026-11-16' });
  });

  it.each([29, 0, -1, 14.5])('refuses an initial term of %p days', (initialTermDays) => {
    given(requested, searched()).when(commission({ initialTermDays })).thenThrows('initial-term');
  });

  it('accepts a one-day initial term', () => {
    expect(given(requested, searched()).when(commission({ initialTermDays: 1 })).events()[0].data).toMatchObject({ termEnd: '2026-11-03' });
  });

  it('may start before the date the request planned for', () => {
    expect(given(requested, searched('2026-10-20')).when(commission({ startDate: d('2026-10-25') })).events()[0].data)
      .toMatchObject({ startDate: '2026-10-25', termEnd: '2026-11-22' });
  });

  it('cannot commission the same placement twice, nor one ended, withdrawn, met in-house or never requested', () => {
    given(requested, searched(), commissioned()).when(commission()).thenThrows('placement-state');
    given(requested, searched(), commissioned(), ended()).when(commission()).thenThrows('placement-state');
    given(requested, { type: 'PlacementRequestWithdrawn', data: { placementId: ID, reason: 'x' } }).when(commission()).thenThrows('placement-state', /withdrawn/);
    given(requested, searched('2026-10-30', true), { type: 'PlacementMatchedInHouse', data: { placementId: ID, resource: 'r', startDate: d('2026-11-02') } })
      .when(commission()).thenThrows('placement-state', /met in-house/);
    given().when(commission()).thenThrows('placement-state');
  });
});

describe('in-house first', () => {
  it('refuses a commission with no search and no emergency reason', () => {
    given(requested).when(commission()).thenThrows('in-house-first', /in-house search/);
  });

  it('does not count a search made after the start date', () => {
    given(requested, searched('2026-11-05')).when(commission()).thenThrows('in-house-first');
  });

  it('relies on the latest search on or before the start, by date rather than by the order recorded', () => {
    given(requested, searched('2026-10-31', true), searched('2026-10-29', false)).when(commission()).thenThrows('in-house-first', /2026-10-31/);
    expect(given(requested, searched('2026-10-31', false), searched('2026-10-29', true)).when(commission()).events()[0].data)
      .toMatchObject({ inHouseSearchOn: '2026-10-31' });
  });

  it('is not stopped by an in-house option found only after the start', () => {
    expect(given(requested, searched('2026-10-30'), searched('2026-11-06', true)).when(commission()).events()).toHaveLength(1);
  });

  it('allows an emergency whose only search came after the start, when a reason is given', () => {
    expect(given(requested, searched('2026-11-05')).when(commission({ emergencyReason: 'Placement breakdown at night' })).events()).toHaveLength(1);
  });

  it('refuses when the latest search found an available in-house option', () => {
    given(requested, searched('2026-10-29'), searched('2026-10-30', true)).when(commission()).thenThrows('in-house-first', /met in-house|available/);
  });

  it('allows an emergency commission without a search when a reason is given', () => {
    const [event] = given(requested).when(commission({ emergencyReason: 'Police protection at 2am' })).events();
    expect(event.data).toMatchObject({ emergencyReason: 'Police protection at 2am' });
    expect(event.data).not.toHaveProperty('inHouseSearchOn');
  });

  it('does not accept a blank emergency reason', () => {
    given(requested).when(commission({ emergencyReason: '   ' })).thenThrows('in-house-first');
  });
});

describe('the weekly rate band', () => {
  it('accepts the edges of the fostering band, £800 and £5,000', () => {
    expect(given(requested, searched()).when(commission({ weeklyRatePence: p(80_000) })).events()).toHaveLength(1);
    expect(given(requested, searched()).when(commission({ weeklyRatePence: p(500_000) })).events()).toHaveLength(1);
  });

  it('refuses a rate above the band without an exception', () => {
    given(requested, searched()).when(commission({ weeklyRatePence: p(500_001) })).thenThrows('rate-band', /£5,000\.01/);
  });

  it('refuses a rate below the band without an exception', () => {
    given(requested, searched()).when(commission({ weeklyRatePence: p(79_999) })).thenThrows('rate-band');
  });

  it('accepts an out-of-band rate with a reason and an approver, and records them', () => {
    const rateException = { reason: 'Specialist therapeutic placement', approvedBy: 'Head of Service' };
    const [event] = given(requested, searched()).when(commission({ weeklyRatePence: p(650_000), rateException })).events();
    expect(event.data).toMatchObject({ weeklyRatePence: 650_000, rateException });
  });

  it('refuses an exception without an approver', () => {
    given(requested, searched()).when(commission({ weeklyRatePence: p(650_000), rateException: { reason: 'x', approvedBy: '' } })).thenThrows('rate-band');
  });

  it('uses the residential band for a children\'s home', () => {
    expect(given(requested, searched()).when(commission({ placementType: 'K2', weeklyRatePence: p(450_000), startDate: d('2026-11-02') })).events()).toHaveLength(1);
    given(requested, searched()).when(commission({ placementType: 'K2', weeklyRatePence: p(150_000) })).thenThrows('rate-band');
  });
});

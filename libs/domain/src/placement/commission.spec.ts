import type { LocalDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import { given } from '../testing/given';
import { commission, commissioned, requested, searched } from '../testing/placement-history';

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

  it('refuses an initial term longer than four weeks', () => {
    given(requested, searched()).when(commission({ initialTermDays: 29 })).thenThrows('initial-term');
  });

  it('cannot commission the same placement twice', () => {
    given(requested, searched(), commissioned()).when(commission()).thenThrows('placement-state');
  });
});

describe('in-house first', () => {
  it('refuses a commission with no search and no emergency reason', () => {
    given(requested).when(commission()).thenThrows('in-house-first', /in-house search/);
  });

  it('does not count a search made after the start date', () => {
    given(requested, searched('2026-11-05')).when(commission()).thenThrows('in-house-first');
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

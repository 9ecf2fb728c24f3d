import type { LocalDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import { context, given } from '../testing/given';
import { commissioned, ended, extended, requested, reviewed, searched } from '../testing/placement-history';

const d = (s: string) => s as LocalDate;
const p = (n: number) => n as Pence;
const review = (reviewedOn: string, outcome: 'extend' | 'end' | 'step-down-in-house' = 'extend') =>
  ({ type: 'RecordFourWeekReview' as const, data: { reviewedOn: d(reviewedOn), outcome } });
const extend = (newTermEnd: string, weeklyRatePence?: number) =>
  ({ type: 'ExtendPlacement' as const, data: { newTermEnd: d(newTermEnd), reason: 'Settled', ...(weeklyRatePence ? { weeklyRatePence: p(weeklyRatePence) } : {}) } });
const active = [requested, searched(), commissioned()];

describe('the four-week review', () => {
  it('is on time before the term end', () => {
    given(...active).when(review('2026-11-25'), context('2026-11-26')).then([reviewed('2026-11-25')]);
  });

  it('is recorded but late on or after the term end', () => {
    const [event] = given(...active).when(review('2026-11-30'), context('2026-12-01')).events();
    expect(event.data).toMatchObject({ termEnd: '2026-11-30', onTime: false });
  });

  it('cannot be dated after today', () => {
    given(...active).when(review('2026-11-27'), context('2026-11-26')).thenThrows('date-order', /after today/);
  });

  it('cannot be dated before the placement started', () => {
    given(...active).when(review('2026-11-01')).thenThrows('date-order');
  });

  it('is recorded once per term', () => {
    given(...active, reviewed()).when(review('2026-11-26')).thenThrows('placement-state', /already been reviewed/);
  });

  it('is not possible before anything is commissioned, nor after the end', () => {
    given(requested, searched()).when(review('2026-11-25')).thenThrows('placement-state');
    given(...active, ended('2026-11-20')).when(review('2026-11-19')).thenThrows('placement-state', /ended on 2026-11-20/);
  });

  it('may be dated today, and on the start day', () => {
    expect(given(...active).when(review('2026-11-26'), context('2026-11-26')).events()).toHaveLength(1);
    expect(given(...active).when(review('2026-11-02'), context('2026-11-26')).events()).toHaveLength(1);
  });
});

describe('extending a placement', () => {
  it('follows a review of the current term that decided to extend', () => {
    given(...active, reviewed()).when(extend('2027-02-22')).then([extended('2027-02-22')]);
  });

  it('is refused without a review of the current term', () => {
    given(...active).when(extend('2027-02-22')).thenThrows('review-before-extension', /four-week review/);
  });

  it('is refused when the review decided to end the placement', () => {
    given(...active, reviewed('2026-11-25', 'end')).when(extend('2027-02-22')).thenThrows('review-before-extension', /"end"/);
  });

  it('needs a fresh review for each renewal', () => {
    given(...active, reviewed(), extended('2027-02-22')).when(extend('2027-05-17')).thenThrows('review-before-extension');
  });

  it('reviews the new term after an extension', () => {
    const [event] = given(...active, reviewed(), extended('2027-02-22')).when(review('2027-02-15'), context('2027-02-16')).events();
    expect(event.data).toMatchObject({ termEnd: '2027-02-22', onTime: true });
  });

  it('must run beyond the current term end', () => {
    given(...active, reviewed()).when(extend('2026-11-30')).thenThrows('date-order');
  });

  it('records a new weekly rate from the old term end, within the band', () => {
    const [event] = given(...active, reviewed()).when(extend('2027-02-22', 99_000)).events();
    expect(event.data).toMatchObject({ previousTermEnd: '2026-11-30', weeklyRatePence: 99_000 });
    given(...active, reviewed()).when(extend('2027-02-22', 900_000)).thenThrows('rate-band');
  });

  it('leaves the rate out when the new rate is the one already in force', () => {
    given(...active, reviewed()).when(extend('2027-02-22', 95_000)).then([extended('2027-02-22')]);
  });

  it('accepts an out-of-band rate with an approved exception, and records it', () => {
    const rateException = { reason: 'Complex needs', approvedBy: 'Head of Service' };
    const [event] = given(...active, reviewed()).when({ ...extend('2027-02-22', 900_000), data: { ...extend('2027-02-22', 900_000).data, rateException } }).events();
    expect(event.data).toMatchObject({ weeklyRatePence: 900_000, rateException });
  });

  it('is refused before anything is commissioned', () => {
    given(requested, searched()).when(extend('2027-02-22')).thenThrows('placement-state');
  });

  it('is refused once the placement has ended', () => {
    given(...active, reviewed(), ended()).when(extend('2027-02-22')).thenThrows('placement-state');
  });
});

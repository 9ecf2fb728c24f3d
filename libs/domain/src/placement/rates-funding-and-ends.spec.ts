import type { LocalDate } from '../calendar/local-date';
import type { Pence } from '../money/pence';
import { given } from '../testing/given';
import { commissioned, ended, ID, requested, searched } from '../testing/placement-history';
import { rateOn, type ExternalPlacement } from './placement-state';

const d = (s: string) => s as LocalDate;
const p = (n: number) => n as Pence;
const active = [requested, searched(), commissioned()];
const changeRate = (effectiveFrom: string, weeklyRatePence: number) =>
  ({ type: 'ChangeRate' as const, data: { effectiveFrom: d(effectiveFrom), weeklyRatePence: p(weeklyRatePence), reason: 'Uplift' } });
const fund = (contributor: string, shareBasisPoints: number, effectiveFrom = '2026-11-09') =>
  ({ type: 'AgreeJointFunding' as const, data: { contributor, shareBasisPoints, effectiveFrom: d(effectiveFrom) } });
const end = (endDate: string) => ({ type: 'EndPlacement' as const, data: { endDate: d(endDate), reason: 'E4A' } });

describe('a rate change', () => {
  it('records the new rate with the one it replaces', () => {
    given(...active).when(changeRate('2026-11-16', 99_000)).then([{ type: 'PlacementRateChanged', data: {
      placementId: ID, effectiveFrom: d('2026-11-16'), weeklyRatePence: p(99_000), previousWeeklyRatePence: p(95_000), reason: 'Uplift' } }]);
  });

  it('may be backdated to the start, as a correction', () => {
    const events = given(...active).when(changeRate('2026-11-02', 90_000)).events();
    const state = given(...active, ...events).state as ExternalPlacement;
    expect(rateOn(state, d('2026-11-02'))).toBe(90_000);
  });

  it('keeps a later rate in force after a backdated earlier one', () => {
    const later = given(...active).when(changeRate('2026-12-01', 99_000)).events();
    const earlier = given(...active, ...later).when(changeRate('2026-11-16', 97_000)).events();
    const state = given(...active, ...later, ...earlier).state as ExternalPlacement;
    expect([rateOn(state, d('2026-11-10')), rateOn(state, d('2026-11-20')), rateOn(state, d('2026-12-05'))]).toEqual([95_000, 97_000, 99_000]);
  });

  it('cannot take effect before the start', () => {
    given(...active).when(changeRate('2026-11-01', 99_000)).thenThrows('date-order');
  });

  it('cannot take effect on or after the end of an ended placement', () => {
    given(...active, ended('2026-12-20')).when(changeRate('2026-12-20', 99_000)).thenThrows('date-order');
    expect(given(...active, ended('2026-12-20')).when(changeRate('2026-12-19', 99_000)).events()).toHaveLength(1);
  });

  it('is refused when it changes nothing', () => {
    given(...active).when(changeRate('2026-11-16', 95_000)).thenThrows('placement-state');
  });

  it('is held to the rate band, unless an approved exception is given', () => {
    given(...active).when(changeRate('2026-11-16', 520_000)).thenThrows('rate-band');
    const rateException = { reason: 'Two-to-one care', approvedBy: 'Head of Service' };
    const [event] = given(...active).when({ ...changeRate('2026-11-16', 520_000), data: { ...changeRate('2026-11-16', 520_000).data, rateException } }).events();
    expect(event.data).toMatchObject({ weeklyRatePence: 520_000, rateException });
  });

  it('is refused before anything is commissioned', () => {
    given(requested, searched()).when(changeRate('2026-11-16', 99_000)).thenThrows('placement-state');
  });
});

describe('joint funding', () => {
  it('records a contributor\'s share from a date', () => {
    given(...active).when(fund('health', 2500)).then([{ type: 'JointFundingAgreed', data: {
      placementId: ID, contributor: 'health', shareBasisPoints: 2500, effectiveFrom: d('2026-11-09') } }]);
  });

  it('refuses shares that would together pay for more than the whole placement', () => {
    const health = given(...active).when(fund('health', 6000)).events();
    given(...active, ...health).when(fund('education', 4001)).thenThrows('joint-funding', /100%/);
    expect(given(...active, ...health).when(fund('health', 9000)).events()).toHaveLength(1);
  });

  it.each([0, 10_001, 25.5])('refuses a share of %p basis points', (bp) => {
    given(...active).when(fund('health', bp)).thenThrows('joint-funding', /basis points/);
  });

  it('accepts a share of the whole cost', () => {
    expect(given(...active).when(fund('health', 10_000)).events()).toHaveLength(1);
  });

  it('refuses an unnamed contributor, or a start before the placement', () => {
    given(...active).when(fund('  ', 2500)).thenThrows('joint-funding', /contributor/);
    given(...active).when(fund('health', 2500, '2026-10-01')).thenThrows('date-order');
  });

  it('judges the shares in force on each day: a later cut from one lets another contributor in from then', () => {
    const health = given(...active).when(fund('health', 6000)).events();
    const cut = given(...active, ...health).when(fund('health', 3000, '2026-12-01')).events();
    given(...active, ...health, ...cut).when(fund('education', 7000, '2026-11-20')).thenThrows('joint-funding', /from 2026-11-20/);
    expect(given(...active, ...health, ...cut).when(fund('education', 7000, '2026-12-01')).events()).toHaveLength(1);
  });

  it('refuses a later share that would take the total past the whole from its own date', () => {
    const both = [...given(...active).when(fund('health', 6000)).events(), ...given(...active).when(fund('education', 3000, '2026-11-16')).events()];
    given(...active, ...both).when(fund('health', 8000, '2026-12-01')).thenThrows('joint-funding', /110%/);
  });

  it('may be agreed after the end for days within the placement, not from the end on', () => {
    expect(given(...active, ended('2026-12-20')).when(fund('health', 2500, '2026-12-19')).events()).toHaveLength(1);
    given(...active, ended('2026-12-20')).when(fund('health', 2500, '2026-12-20')).thenThrows('date-order');
  });

  it('is refused before anything is commissioned', () => {
    given(requested, searched()).when(fund('health', 2500)).thenThrows('placement-state');
  });
});

describe('ending a placement', () => {
  it('records the day the child left', () => {
    given(...active).when(end('2026-12-20')).then([ended('2026-12-20')]);
  });

  it('may end on the start day (nothing charged) but not before it', () => {
    expect(given(...active).when(end('2026-11-02')).events()).toHaveLength(1);
    given(...active).when(end('2026-11-01')).thenThrows('date-order');
  });

  it('corrects an end recorded earlier with a new event that names the date replaced', () => {
    const [event] = given(...active, ended('2026-12-20')).when(end('2026-12-13')).events();
    expect(event.data).toMatchObject({ endDate: '2026-12-13', correctsEndDate: '2026-12-20' });
  });

  it('refuses to end again on the same date', () => {
    given(...active, ended('2026-12-20')).when(end('2026-12-20')).thenThrows('placement-state');
  });

  it('may record an end in the future: a planned end', () => {
    expect(given(...active).when(end('2027-06-30')).events()).toHaveLength(1);
  });

  it('refuses to end a request that was never commissioned: it is withdrawn instead', () => {
    given(requested).when(end('2026-12-20')).thenThrows('placement-state', /withdraw/);
  });

  it('refuses to end a withdrawn request or one never made', () => {
    given(requested, { type: 'PlacementRequestWithdrawn', data: { placementId: ID, reason: 'x' } }).when(end('2026-12-20')).thenThrows('placement-state');
    given().when(end('2026-12-20')).thenThrows('placement-state');
  });
});

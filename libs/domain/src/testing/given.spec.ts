import { context, given } from './given';
import { commission, commissioned, requested, searched } from './placement-history';

describe('the given/when/then helper', () => {
  it('passes when the decider produces exactly the expected events', () => {
    expect(() => given(requested, searched()).when(commission()).then([commissioned()])).not.toThrow();
  });

  it('fails when the decider produces other events', () => {
    expect(() => given(requested, searched()).when(commission()).then([])).toThrow();
  });

  it('fails a thenThrows when nothing is thrown', () => {
    expect(() => given(requested, searched()).when(commission()).thenThrows('rate-band')).toThrow();
  });

  it('fails a thenThrows when another rule refused the command', () => {
    expect(() => given(requested).when(commission()).thenThrows('rate-band')).toThrow();
    expect(() => given(requested).when(commission()).thenThrows('in-house-first')).not.toThrow();
  });

  it('fails a thenThrows when the message does not match', () => {
    expect(() => given(requested).when(commission()).thenThrows('in-house-first', /no such words/)).toThrow();
  });

  it('makes a context for a given day with the default bands and a seven-day window', () => {
    expect(context('2026-11-23')).toMatchObject({ today: '2026-11-23', reviewDueWithinDays: 7 });
    expect(context().rateBandFor('U4')).toEqual({ minPence: 80_000, maxPence: 500_000 });
  });
});

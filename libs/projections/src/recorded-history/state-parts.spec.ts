import fc from 'fast-check';
import { assembleState, changedParts, HEAD, parsePartKey, partKey } from './state-parts';

type State = Record<string, unknown>;

/** States of one stream as events would make them: fields replaced, lists grown, shrunk or dropped. */
const histories = fc.array(
  fc.record({
    status: fc.constantFrom('requested', 'active', 'ended'),
    startDate: fc.option(fc.constantFrom('2026-04-01', '2026-05-11'), { nil: undefined }),
    provider: fc.option(fc.record({ name: fc.constantFrom('Acme Fostering', 'Brook House'), ofstedUrn: fc.constantFrom('SC1', 'SC2') }), { nil: undefined }),
    rates: fc.array(fc.record({ effectiveFrom: fc.constantFrom('2026-04-01', '2026-06-01'), weeklyRatePence: fc.integer({ min: 80_000, max: 500_000 }) }), { maxLength: 4 }),
    reviews: fc.option(fc.array(fc.record({ reviewedOn: fc.constantFrom('2026-04-20', '2026-05-18'), outcome: fc.constantFrom('continue', 'end') }), { maxLength: 3 }), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 8 },
);

/** Each state shares the elements and objects it kept with the one before, as the domain's evolve does. */
function shareWithPrevious(states: State[]): State[] {
  return states.map((state, i) => {
    const before = states[i - 1];
    if (before === undefined) return state;
    const shared: State = { ...state };
    for (const [field, list] of Object.entries(state)) {
      const earlier = before[field];
      if (Array.isArray(list) && Array.isArray(earlier)) shared[field] = list.map((e, k) => (JSON.stringify(e) === JSON.stringify(earlier[k]) ? earlier[k] : e));
      else if (JSON.stringify(list) === JSON.stringify(earlier)) shared[field] = earlier;
    }
    return shared;
  });
}

describe('a state as parts', () => {
  it('puts together, after every change, a state equal to the latest one', () => {
    fc.assert(fc.property(histories, (raw) => {
      const rows = new Map<string, unknown>();
      let previous: State | undefined;
      for (const state of shareWithPrevious(raw as State[])) {
        const { changed, removed } = changedParts(previous, state);
        for (const key of removed) rows.delete(key);
        for (const [key, part] of changed) rows.set(key, JSON.parse(part.body));
        const assembled = assembleState<State>([...rows].map(([key, body]) => [parsePartKey(key), body] as const));
        expect(assembled).toEqual(JSON.parse(JSON.stringify(state)));
        previous = state;
      }
    }));
  });

  it('writes only the parts an event changed, with the business dates each holds over', () => {
    const rate = { effectiveFrom: '2026-04-01', weeklyRatePence: 120_000 };
    const before = { status: 'active', startDate: '2026-04-01', rates: [rate] };
    const raised = { effectiveFrom: '2026-06-01', weeklyRatePence: 130_000 };
    const { changed, removed } = changedParts(before, { ...before, rates: [rate, raised] });
    expect([...changed.keys()]).toEqual([partKey('rates', 1)]);
    expect(changed.get(partKey('rates', 1))).toEqual({ body: JSON.stringify(raised), validFrom: '2026-06-01', validTo: null });
    expect(removed).toEqual([]);
    const ended = changedParts(before, { ...before, status: 'ended', endDate: '2026-07-01' });
    expect([...ended.changed.keys()]).toEqual([partKey(HEAD, 0)]);
    expect(ended.changed.get(partKey(HEAD, 0))).toMatchObject({ validFrom: '2026-04-01', validTo: '2026-07-01' });
    // An object field is a part of its own, so the head that moves with every term stays small.
    const provider = { name: 'Acme Fostering', ofstedUrn: 'SC1' };
    const withProvider = { ...before, provider };
    expect([...changedParts(before, withProvider).changed.keys()]).toEqual([partKey(HEAD, 0), partKey('provider', -1)]);
    expect([...changedParts(withProvider, { ...withProvider, termEnd: '2026-05-01' }).changed.keys()]).toEqual([partKey(HEAD, 0)]);
    expect(changedParts(before, { status: 'active', startDate: '2026-04-01' }).removed).toEqual([partKey('rates', 0)]);
  });
});

import { demoEventId, demoSeedMarkOf, nameBasedUuid } from './demo-ids';

describe('the demo seed\'s name-based ids', () => {
  it('are RFC 9562 version 5 UUIDs: the standard DNS-namespace example', () => {
    expect(nameBasedUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('are the same for the same step and differ between steps, days, seeds and events of a step', () => {
    const mark = { seed: 2026, today: '2026-11-23', step: 17 };
    const ids = [
      demoEventId(mark, 0), demoEventId(mark, 1), demoEventId({ ...mark, step: 18 }, 0),
      demoEventId({ ...mark, today: '2026-11-24' }, 0), demoEventId({ ...mark, seed: 2027 }, 0),
    ];
    expect(demoEventId({ ...mark }, 0)).toBe(ids[0]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('read the mark back from metadata, and nothing from metadata without one or with a malformed one', () => {
    expect(demoSeedMarkOf({ demoSeed: { seed: 1, today: '2026-11-23', step: 0 } })).toEqual({ seed: 1, today: '2026-11-23', step: 0 });
    expect(demoSeedMarkOf({ actorId: 'x' })).toBeUndefined();
    expect(demoSeedMarkOf({ demoSeed: { seed: '1', today: '2026-11-23', step: 0 } })).toBeUndefined();
    expect(demoSeedMarkOf({ demoSeed: null })).toBeUndefined();
  });
});

import { commissionBody, noInHouseOption, requestBody } from '../support/placement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe.each(['embedded', 'postgres'] as const)('repeats and races on the %s store', (store) => {
  let t: TestApp;
  let commissioner: string;

  const create = async () => {
    const res = await t.http.post('/api/placements').set('Authorization', `Bearer ${commissioner}`).send(requestBody()).expect(201);
    return res.body.placementId as string;
  };

  beforeAll(async () => {
    t = await startTestApp(store);
    commissioner = await t.token(['commissioner'], 'commissioner-kim');
  });
  afterAll(() => t.close());

  describe('an Idempotency-Key', () => {
    it('replays the first response for the same key and body, appending once', async () => {
      const id = await create();
      const before = await t.eventCount();
      const send = () => t.http.post(`/api/placements/${id}/in-house-searches`).set('Authorization', `Bearer ${commissioner}`)
        .set('Idempotency-Key', `search-${id}`).send(noInHouseOption());
      const first = await send().expect(201);
      const second = await send().expect(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(await t.eventCount()).toBe(before + 1);
    });

    it('replays exactly: the same bytes, status, ETag and Location, however the repeat orders its keys', async () => {
      const body = { childRef: 'LAC-REP1A', ageAtRequest: 9, needs: ['health'], placementTypeSought: 'U4', urgency: 'planned', requiredFrom: '2026-12-01' };
      const reordered = { requiredFrom: '2026-12-01', urgency: 'planned', placementTypeSought: 'U4', needs: ['health'], ageAtRequest: 9, childRef: 'LAC-REP1A' };
      const send = (payload: object) => t.http.post('/api/placements').set('Authorization', `Bearer ${commissioner}`).set('Idempotency-Key', 'request-rep1a')
        .set('Content-Type', 'application/json').send(JSON.stringify(payload));
      const before = await t.eventCount();
      const first = await send(body).expect(201);
      const second = await send(reordered).expect(201);
      expect(second.text).toBe(first.text);
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(second.headers.location).toBe(first.headers.location);
      expect(first.headers.etag).toBe('"0"');
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(await t.eventCount()).toBe(before + 1);
    });

    it('refuses the same key with a different body (422) and appends nothing', async () => {
      const id = await create();
      const key = `search-${id}`;
      await t.http.post(`/api/placements/${id}/in-house-searches`).set('Authorization', `Bearer ${commissioner}`)
        .set('Idempotency-Key', key).send(noInHouseOption('2026-11-24')).expect(201);
      const before = await t.eventCount();
      const res = await t.http.post(`/api/placements/${id}/in-house-searches`).set('Authorization', `Bearer ${commissioner}`)
        .set('Idempotency-Key', key).send(noInHouseOption('2026-11-25')).expect(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(await t.eventCount()).toBe(before);
    });
  });

  describe('If-Match', () => {
    it('refuses a stale revision with 412 and appends nothing', async () => {
      const id = await create();
      const before = await t.eventCount();
      await t.http.post(`/api/placements/${id}/in-house-searches`).set('Authorization', `Bearer ${commissioner}`)
        .set('If-Match', '"5"').send(noInHouseOption()).expect(412);
      expect(await t.eventCount()).toBe(before);
    });

    it('accepts the current revision', async () => {
      const id = await create();
      const res = await t.http.post(`/api/placements/${id}/in-house-searches`).set('Authorization', `Bearer ${commissioner}`)
        .set('If-Match', '"0"').send(noInHouseOption()).expect(201);
      expect(res.body.revision).toBe(1);
    });
  });

  describe('two commands racing on one placement', () => {
    it('lets exactly one win; the other gets 409 and no event is lost', async () => {
      const id = await create();
      await t.http.post(`/api/placements/${id}/in-house-searches`).set('Authorization', `Bearer ${commissioner}`).send(noInHouseOption()).expect(201);
      await t.http.post(`/api/placements/${id}/commission`).set('Authorization', `Bearer ${commissioner}`).send(commissionBody()).expect(201);
      const before = await t.eventCount();
      const change = (rate: number) => t.http.post(`/api/placements/${id}/rate-changes`).set('Authorization', `Bearer ${commissioner}`)
        .send({ effectiveFrom: '2026-12-07', weeklyRatePence: rate, reason: `uplift to ${rate}` });
      const results = await Promise.all([change(96_000), change(97_000), change(98_000), change(99_000)]);
      const statuses = results.map((r) => r.status).sort();
      const winners = statuses.filter((s) => s === 201).length;
      expect(winners).toBeGreaterThanOrEqual(1);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      const view = await t.http.get(`/api/placements/${id}`).set('Authorization', `Bearer ${commissioner}`).expect(200);
      expect(view.body.history.filter((h: { type: string }) => h.type === 'PlacementRateChanged')).toHaveLength(winners);
      expect(await t.eventCount()).toBe(before + winners);
    });
  });
});

import { commissionBody, noInHouseOption, requestBody } from '../support/placement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** Every refusal is problem+json, says why, and leaves the event log exactly as it was. */
describe('requests the ledger refuses', () => {
  let t: TestApp;
  let commissioner: string;
  let requested: string;
  let searched: string;
  let commissioned: string;

  const create = async () => {
    const res = await t.http.post('/api/placements').set('Authorization', `Bearer ${commissioner}`).send(requestBody()).expect(201);
    return res.body.placementId as string;
  };
  const post = (id: string, path: string, body: unknown) =>
    t.http.post(`/api/placements/${id}${path}`).set('Authorization', `Bearer ${commissioner}`).send(body as object);

  /** Sends the request, checks status and problem+json, and that nothing was appended. */
  async function refused(send: () => PromiseLike<{ status: number; headers: Record<string, string>; body: Record<string, unknown> }>, status: number) {
    const before = await t.eventCount();
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
    expect(await t.eventCount()).toBe(before);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp('embedded');
    commissioner = await t.token(['commissioner']);
    requested = await create();
    searched = await create();
    await post(searched, '/in-house-searches', noInHouseOption()).expect(201);
    commissioned = await create();
    await post(commissioned, '/in-house-searches', noInHouseOption()).expect(201);
    await post(commissioned, '/commission', commissionBody()).expect(201);
  });
  afterAll(() => t.close());

  describe('malformed bodies (400 with field errors)', () => {
    const cases: [string, object, string][] = [
      ['a missing required field', requestBody({ childRef: undefined }), 'childRef'],
      ['a wrong type', requestBody({ ageAtRequest: 'eleven' }), 'ageAtRequest'],
      ['an unknown field', requestBody({ childName: 'Jane Doe' }), 'childName'],
      ['an impossible date', requestBody({ requiredFrom: '2026-02-30' }), 'requiredFrom'],
      ['an unknown placement type code', requestBody({ placementTypeSought: 'ZZ9' }), 'placementTypeSought'],
    ];
    it.each(cases)('refuses %s', async (_, body, field) => {
      const problem = await refused(() => t.http.post('/api/placements').set('Authorization', `Bearer ${commissioner}`).send(body), 400);
      expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it.each([
      ['negative money', { weeklyRatePence: -100 }, 'weeklyRatePence'],
      ['fractional pence', { weeklyRatePence: 950.5 }, 'weeklyRatePence'],
      ['absurd money', { weeklyRatePence: 1e12 }, 'weeklyRatePence'],
      ['a provider without a grade', { provider: { id: 'X', name: 'X', type: 'PR4', distanceMiles: 3 } }, 'provider.ofstedGrade'],
    ])('refuses a commission with %s', async (_, overrides, field) => {
      const problem = await refused(() => post(searched, '/commission', commissionBody(overrides)), 400);
      expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('refuses a body that is not JSON', async () => {
      await refused(() => t.http.post('/api/placements').set('Authorization', `Bearer ${commissioner}`)
        .set('Content-Type', 'application/json').send('{"childRef": '), 400);
    });

    it('refuses an oversized payload with 413', async () => {
      await refused(() => post(requested, '/withdraw', { reason: 'x'.repeat(300_000) }), 413);
    });

    it('refuses a budget for an impossible financial year', async () => {
      const finance = await t.token(['finance']);
      await refused(() => t.http.put('/api/budgets/2026-28/CC-IFA').set('Authorization', `Bearer ${finance}`).send({ amountPence: 1, reason: 'x' }), 400);
    });

    it.each(['1900-01', '3000-01', '1999-00', '2099-00'])('refuses the financial year %s, outside what a council can mean', async (year) => {
      const finance = await t.token(['finance']);
      const problem = await refused(() => t.http.put(`/api/budgets/${year}/CC-IFA`).set('Authorization', `Bearer ${finance}`).send({ amountPence: 1, reason: 'x' }), 400);
      expect(problem.errors).toEqual([{ field: 'financialYear', message: 'must be a financial year such as 2026-27, from 2000-01 to 2098-99' }]);
      const res = await t.http.get(`/api/returns/monthly?financialYear=${year}&period=1`).set('Authorization', `Bearer ${finance}`);
      expect(res.status).toBe(400);
    });

    it('refuses business dates outside 2000 to 2099, such as an extension to 2999-12-31', async () => {
      const problem = await refused(() => post(commissioned, '/extensions', { newTermEnd: '2999-12-31', reason: 'keep' }), 400);
      expect(problem.errors).toEqual([{ field: 'newTermEnd', message: 'newTermEnd must be a real date written YYYY-MM-DD, from 2000-01-01 to 2099-12-31' }]);
      await refused(() => post(requested, '/in-house-searches', { searchedOn: '1900-01-01', options: [{ resource: 'x', outcome: 'unavailable' }] }), 400);
    });
  });

  describe('business rules (422 naming the rule)', () => {
    it('refuses to commission with no in-house search and no emergency reason (in-house-first)', async () => {
      const problem = await refused(() => post(requested, '/commission', commissionBody()), 422);
      expect(problem.rule).toBe('in-house-first');
    });

    it('refuses a rate outside the band without an approved exception (rate-band)', async () => {
      const problem = await refused(() => post(searched, '/commission', commissionBody({ weeklyRatePence: 650_000 })), 422);
      expect(problem.rule).toBe('rate-band');
    });

    it('refuses an initial term longer than four weeks (initial-term)', async () => {
      const problem = await refused(() => post(searched, '/commission', commissionBody({ initialTermDays: 35 })), 422);
      expect(problem.rule).toBe('initial-term');
    });

    it('refuses an extension without a review of the current term (review-before-extension)', async () => {
      const problem = await refused(() => post(commissioned, '/extensions', { newTermEnd: '2027-02-01', reason: 'keep' }), 422);
      expect(problem.rule).toBe('review-before-extension');
    });

    it('refuses to withdraw a commissioned placement (placement-state)', async () => {
      const problem = await refused(() => post(commissioned, '/withdraw', { reason: 'changed mind' }), 422);
      expect(problem.rule).toBe('placement-state');
    });
  });

  describe('who and what', () => {
    it('answers 404 for an unknown placement', async () => {
      await refused(() => post('6f1c1d8e-2b8a-4c51-9d7e-0a4c1b2e3f40', '/withdraw', { reason: 'x' }), 404);
    });

    it('answers 401 without a token and 401 with a forged one', async () => {
      await refused(() => t.http.post('/api/placements').send(requestBody()), 401);
      await refused(() => t.http.post('/api/placements').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x').send(requestBody()), 401);
    });

    it('answers 403 to a finance officer writing a placement command', async () => {
      const finance = await t.token(['finance']);
      await refused(() => t.http.post('/api/placements').set('Authorization', `Bearer ${finance}`).send(requestBody()), 403);
    });

    it('hides reads from the unauthenticated', async () => {
      await t.http.get('/api/placements').expect(401);
      await t.http.get(`/api/placements/${commissioned}`).expect(401);
    });
  });
});

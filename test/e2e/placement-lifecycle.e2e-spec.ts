import { commissionBody, noInHouseOption, requestBody } from '../support/placement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe('a placement recorded through the API from request to end', () => {
  let t: TestApp;
  let commissioner: string;
  let manager: string;
  let placementId: string;

  beforeAll(async () => {
    t = await startTestApp('embedded');
    commissioner = await t.token(['commissioner'], 'commissioner-ann');
    manager = await t.token(['manager'], 'manager-raj');
  });
  afterAll(() => t.close());

  const post = (path: string, body: object) =>
    t.http.post(`/api/placements/${placementId}${path}`).set('Authorization', `Bearer ${commissioner}`).send(body);

  it('creates the request and answers with its id and revision 0', async () => {
    const res = await t.http.post('/api/placements').set('Authorization', `Bearer ${commissioner}`).send(requestBody()).expect(201);
    expect(res.body).toMatchObject({ revision: 0, appended: ['PlacementRequested'] });
    expect(res.headers.location).toBe(`/api/placements/${res.body.placementId}`);
    placementId = res.body.placementId;
  });

  it('commissions after an in-house search found nothing, for a 28-day term', async () => {
    await post('/in-house-searches', noInHouseOption()).expect(201);
    const res = await post('/commission', commissionBody()).expect(201);
    expect(res.body).toMatchObject({ revision: 2, termEnd: '2026-12-28', appended: ['PlacementCommissioned'] });
    const providers = (await t.http.get('/api/providers').set('Authorization', `Bearer ${manager}`).expect(200)).body;
    expect(providers).toEqual({ count: 1, providers: [commissionBody().provider] });
  });

  it('lists the commissioned placement at once (read-your-writes)', async () => {
    const res = await t.http.get('/api/placements?status=commissioned&costCentre=CC-IFA').set('Authorization', `Bearer ${manager}`).expect(200);
    expect(res.body.placements).toEqual([expect.objectContaining({
      placementId, status: 'commissioned', weeklyRatePence: 95_000, termEnd: '2026-12-28', providerName: 'Brightway Fostering',
    })]);
  });

  it('extends after a review of the term, changes the rate, adds joint funding and ends', async () => {
    t.clock.set('2026-12-21T09:00:00Z');
    await post('/reviews', { reviewedOn: '2026-12-21', outcome: 'extend', notes: 'Settled; school place secured' }).expect(201);
    await post('/extensions', { newTermEnd: '2027-03-22', reason: 'Care plan: remain until review in March' }).expect(201);
    await post('/rate-changes', { effectiveFrom: '2026-12-07', weeklyRatePence: 99_000, reason: 'Provider uplift agreed, backdated' }).expect(201);
    await post('/joint-funding', { contributor: 'health', shareBasisPoints: 2500, effectiveFrom: '2026-12-01' }).expect(201);
    const res = await post('/end', { endDate: '2027-02-14', reason: 'E4A' }).expect(201);
    expect(res.body.revision).toBe(7);
  });

  it('shows state, revision and the history with who, when and why', async () => {
    const res = await t.http.get(`/api/placements/${placementId}`).set('Authorization', `Bearer ${manager}`).expect(200);
    expect(res.headers.etag).toBe('"7"');
    expect(res.body.revision).toBe(7);
    expect(res.body.state).toMatchObject({ status: 'Ended', endDate: '2027-02-14' });
    expect(res.body.history.map((h: { type: string }) => h.type)).toEqual([
      'PlacementRequested', 'InHouseSearchRecorded', 'PlacementCommissioned', 'FourWeekReviewRecorded',
      'PlacementExtended', 'PlacementRateChanged', 'JointFundingAgreed', 'PlacementEnded',
    ]);
    expect(res.body.history[3]).toMatchObject({ actorId: 'commissioner-ann', actorRole: 'commissioner', recordedAt: '2026-12-21T09:00:00.000Z' });
    expect(res.body.history[0].correlationId).toEqual(expect.any(String));
  });

  it('keeps the child identified only by the pseudonymous reference', async () => {
    const res = await t.http.get(`/api/placements/${placementId}`).set('Authorization', `Bearer ${manager}`).expect(200);
    expect(res.body.state.childRef ?? res.body.state.request?.childRef).toBe('LAC-7Q2P9');
  });
});

describe('budgets set by finance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('embedded');
  });
  afterAll(() => t.close());

  it('sets, adjusts and reports a cost centre budget with its history', async () => {
    const finance = await t.token(['finance'], 'finance-joy');
    await t.http.put('/api/budgets/2026-27/CC-IFA').set('Authorization', `Bearer ${finance}`)
      .send({ amountPence: 1_250_000_000, reason: 'Approved by Cabinet' }).expect(200);
    await t.http.put('/api/budgets/2026-27/CC-IFA').set('Authorization', `Bearer ${finance}`)
      .send({ amountPence: 1_300_000_000, reason: 'Virement from reserves' }).expect(200);
    const res = await t.http.get('/api/budgets/2026-27').set('Authorization', `Bearer ${finance}`).expect(200);
    expect(res.body.totalPence).toBe(1_300_000_000);
    expect(res.body.costCentres['CC-IFA'].history).toEqual([
      expect.objectContaining({ type: 'BudgetSet', amountPence: 1_250_000_000, actorId: 'finance-joy' }),
      expect.objectContaining({ type: 'BudgetAdjusted', amountPence: 1_300_000_000, previousAmountPence: 1_250_000_000 }),
    ]);
  });

  it('appends nothing when the same amount is put again', async () => {
    const finance = await t.token(['finance']);
    const before = await t.eventCount();
    await t.http.put('/api/budgets/2026-27/CC-IFA').set('Authorization', `Bearer ${finance}`)
      .send({ amountPence: 1_300_000_000, reason: 'Same again' }).expect(200);
    expect(await t.eventCount()).toBe(before);
  });

  it('refuses a commissioner (403) and appends nothing', async () => {
    const commissioner = await t.token(['commissioner']);
    const before = await t.eventCount();
    const res = await t.http.put('/api/budgets/2026-27/CC-RES').set('Authorization', `Bearer ${commissioner}`)
      .send({ amountPence: 5, reason: 'x' }).expect(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await t.eventCount()).toBe(before);
  });
});

describe('the OpenAPI document at /docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('embedded');
  });
  afterAll(() => t.close());

  it('lists every placement and budget path of the contract', async () => {
    const res = await t.http.get('/docs/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining([
      '/api/placements', '/api/placements/{id}', '/api/placements/{id}/in-house-searches', '/api/placements/{id}/in-house-match',
      '/api/placements/{id}/commission', '/api/placements/{id}/reviews', '/api/placements/{id}/extensions',
      '/api/placements/{id}/rate-changes', '/api/placements/{id}/joint-funding', '/api/placements/{id}/end',
      '/api/placements/{id}/withdraw', '/api/budgets/{financialYear}/{costCentre}', '/api/budgets/{financialYear}', '/health',
    ]));
  });

  it('reports health without credentials: up or down per component, nothing more', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toEqual({ status: 'up', eventStore: { status: 'up', kind: 'embedded' }, readModels: { status: 'up' }, queue: { status: 'up', mode: 'in-process' } });
    const asManager = await t.http.get('/health').set('Authorization', `Bearer ${await t.token(['manager'])}`).expect(200);
    expect(asManager.body).toEqual(res.body);
  });

  it('shows an admin the read models\' position and any error detail', async () => {
    const admin = await t.token(['admin'], 'admin-sam');
    const res = await t.http.get('/health').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(res.body.readModels).toEqual({ status: 'up', position: expect.any(String), head: expect.any(String), caughtUp: true });
  });
});

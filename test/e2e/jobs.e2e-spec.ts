import { commissionBody, noInHouseOption, requestBody } from '../support/placement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

describe('running the renewal sweep through the API', () => {
  let t: TestApp;
  let placementId: string;

  beforeAll(async () => {
    t = await startTestApp('embedded', '2026-11-02T09:00:00Z');
    const commissioner = { Authorization: `Bearer ${await t.token(['commissioner'])}` };
    placementId = (await t.http.post('/api/placements').set(commissioner).send(requestBody()).expect(201)).body.placementId;
    await t.http.post(`/api/placements/${placementId}/in-house-searches`).set(commissioner).send(noInHouseOption('2026-10-30')).expect(201);
    await t.http.post(`/api/placements/${placementId}/commission`).set(commissioner).send(commissionBody({ startDate: '2026-11-02' })).expect(201);
    t.clock.set('2026-11-23T07:00:00Z');
  });
  afterAll(() => t.close());

  it('flags the review due for the scheduler, once, and the renewals list shows it', async () => {
    const scheduler = { Authorization: `Bearer ${await t.token(['scheduler'], 'bullmq')}` };
    const first = await t.http.post('/api/jobs/renewal-sweep').set(scheduler).expect(200);
    expect(first.body).toEqual({ asOf: '2026-11-23', placementsChecked: 1, flagged: [{ placementId, flag: 'ReviewDueFlagged', termEnd: '2026-11-30' }] });
    const again = await t.http.post('/api/jobs/renewal-sweep').set(scheduler).expect(200);
    expect(again.body.flagged).toEqual([]);
    const renewals = await t.http.get('/api/renewals').set(scheduler).expect(200);
    expect(renewals.body.reviewsDue).toEqual([expect.objectContaining({ placementId, termEnd: '2026-11-30', daysToTermEnd: 7 })]);
  });

  it('is refused to a commissioner (403) and appends nothing', async () => {
    const before = await t.eventCount();
    await t.http.post('/api/jobs/renewal-sweep').set('Authorization', `Bearer ${await t.token(['commissioner'])}`).expect(403);
    expect(await t.eventCount()).toBe(before);
  });
});

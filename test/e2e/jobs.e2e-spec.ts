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
    expect(first.body).toEqual({
      asOf: '2026-11-23', placementsChecked: 1, flagged: [{ placementId, flag: 'ReviewDueFlagged', termEnd: '2026-11-30' }],
      notifications: { sent: 1, failed: 0 },
    });
    const again = await t.http.post('/api/jobs/renewal-sweep').set(scheduler).expect(200);
    expect(again.body).toMatchObject({ flagged: [], notifications: { sent: 0, failed: 0 } });
    const renewals = await t.http.get('/api/renewals').set(scheduler).expect(200);
    expect(renewals.body.reviewsDue).toEqual([expect.objectContaining({ placementId, termEnd: '2026-11-30', daysToTermEnd: 7 })]);
  });

  it('notifies the commissioner who commissioned the placement, once, in the in-app list', async () => {
    const mine = await t.http.get('/api/notifications').set('Authorization', `Bearer ${await t.token(['commissioner'], 'user-commissioner')}`).expect(200);
    expect(mine.body.notifications).toEqual([expect.objectContaining({ placementId, kind: 'review-due', termEnd: '2026-11-30', state: 'sent', channel: 'log' })]);
    const someoneElse = await t.http.get('/api/notifications').set('Authorization', `Bearer ${await t.token(['commissioner'], 'another-commissioner')}`).expect(200);
    expect(someoneElse.body.count).toBe(0);
  });

  it('is refused to a commissioner (403) and appends nothing', async () => {
    const before = await t.eventCount();
    await t.http.post('/api/jobs/renewal-sweep').set('Authorization', `Bearer ${await t.token(['commissioner'])}`).expect(403);
    expect(await t.eventCount()).toBe(before);
  });
});

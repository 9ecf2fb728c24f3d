import { commissionBody, noInHouseOption, requestBody } from '../support/placement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** The list's weekly rate is the one in force today, whatever order the changes were recorded in. */
describe('the placements list after backdated and future-dated rate changes', () => {
  let t: TestApp;
  let id: string;
  let bearer: string;

  beforeAll(async () => {
    t = await startTestApp('embedded', '2026-11-23T10:00:00Z');
    bearer = `Bearer ${await t.token(['commissioner'])}`;
    const post = (path: string, body: object) => t.http.post(`/api/placements${path}`).set('Authorization', bearer).send(body).expect(201);
    id = (await post('', requestBody({ requiredFrom: '2026-08-03' }))).body.placementId;
    await post(`/${id}/in-house-searches`, noInHouseOption('2026-08-01'));
    await post(`/${id}/commission`, commissionBody({ weeklyRatePence: 150_000, startDate: '2026-08-03', initialTermDays: 21 }));
    await post(`/${id}/reviews`, { reviewedOn: '2026-08-20', outcome: 'extend' });
    await post(`/${id}/extensions`, { newTermEnd: '2026-12-21', weeklyRatePence: 162_500, reason: 'Extended at the new rate' });
    await post(`/${id}/rate-changes`, { effectiveFrom: '2026-08-10', weeklyRatePence: 155_000, reason: 'Correction agreed with the provider' });
  });
  afterAll(() => t.close());

  const listed = async () => {
    const res = await t.http.get('/api/placements').set('Authorization', bearer).expect(200);
    return res.body.placements.find((p: { placementId: string }) => p.placementId === id);
  };

  it('shows the rate the ledger charges today (£1,625 from 24 August), not the correction recorded last', async () => {
    expect((await listed()).weeklyRatePence).toBe(162_500);
  });

  it('does not show a rise that takes effect next month as the current rate', async () => {
    await t.http.post(`/api/placements/${id}/rate-changes`).set('Authorization', bearer)
      .send({ effectiveFrom: '2026-12-15', weeklyRatePence: 170_000, reason: 'Uplift from mid-December' }).expect(201);
    const row = await listed();
    expect(row.weeklyRatePence).toBe(162_500);
    expect(row.rates.map((r: { effectiveFrom: string }) => r.effectiveFrom)).toEqual(['2026-08-03', '2026-08-10', '2026-08-24', '2026-12-15']);
    t.clock.set('2026-12-16T10:00:00Z');
    expect((await listed()).weeklyRatePence).toBe(170_000);
  });
});

import { commissionBody, noInHouseOption, requestBody } from './placement-fixtures';
import type { TestApp } from './test-app';

/**
 * A hand-made ledger whose figures are worked out on paper, recorded through the API:
 * A: £1,000 a week from Mon 2 Nov 2026; £1,050 from Thu 5 Nov (recorded 6 Nov); health pays 25% from
 *    9 Nov; the child left on 20 Nov, recorded late on 27 Nov.
 * B: £840 a week from Mon 29 Mar 2027 (recorded 27 Nov), across the financial-year boundary.
 * Budget for CC-IFA in 2026-27: £52,000 (recorded 2 Nov). The clock ends at 2026-11-27T10:00Z.
 */
export async function recordWorkedExample(t: TestApp): Promise<{ a: string; b: string }> {
  t.clock.set('2026-11-02T09:00:00Z');
  const commissioner = await t.token(['commissioner']);
  const finance = await t.token(['finance']);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  await t.http.put('/api/budgets/2026-27/CC-IFA').set(as(finance)).send({ amountPence: 5_200_000, reason: 'Budget' }).expect(200);
  const a = (await t.http.post('/api/placements').set(as(commissioner)).send(requestBody()).expect(201)).body.placementId;
  await t.http.post(`/api/placements/${a}/in-house-searches`).set(as(commissioner)).send(noInHouseOption('2026-10-30')).expect(201);
  await t.http.post(`/api/placements/${a}/commission`).set(as(commissioner)).send(commissionBody({ weeklyRatePence: 100_000, startDate: '2026-11-02' })).expect(201);
  t.clock.set('2026-11-06T10:00:00Z');
  await t.http.post(`/api/placements/${a}/rate-changes`).set(as(commissioner)).send({ effectiveFrom: '2026-11-05', weeklyRatePence: 105_000, reason: 'Uplift' }).expect(201);
  t.clock.set('2026-11-09T10:00:00Z');
  await t.http.post(`/api/placements/${a}/joint-funding`).set(as(commissioner)).send({ contributor: 'health', shareBasisPoints: 2500, effectiveFrom: '2026-11-09' }).expect(201);
  t.clock.set('2026-11-27T10:00:00Z');
  await t.http.post(`/api/placements/${a}/end`).set(as(commissioner)).send({ endDate: '2026-11-20', reason: 'E4A' }).expect(201);
  const b = (await t.http.post('/api/placements').set(as(commissioner)).send(requestBody({ childRef: 'LAC-B0UND' })).expect(201)).body.placementId;
  await t.http.post(`/api/placements/${b}/in-house-searches`).set(as(commissioner)).send(noInHouseOption('2026-11-27')).expect(201);
  await t.http.post(`/api/placements/${b}/commission`).set(as(commissioner)).send(commissionBody({ weeklyRatePence: 84_000, startDate: '2027-03-29', placementType: 'U6' })).expect(201);
  return { a, b };
}

import type { Page } from 'playwright-core';
import { commissionBody, noInHouseOption, requestBody } from '../support/placement-fixtures';
import { expectAccessible, screenshot, startWebTestApp, type WebTestApp } from '../support/web';

interface HistoryEntry { type: string; data: Record<string, unknown>; actorId: string; actorRole: string }

/** Fills a GOV.UK date input (`name-day`, `-month`, `-year`) from YYYY-MM-DD. */
async function fillDate(page: Page, name: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await page.fill(`[name="${name}-day"]`, String(Number(day)));
  await page.fill(`[name="${name}-month"]`, String(Number(month)));
  await page.fill(`[name="${name}-year"]`, year);
}

/** Presses a button and waits for the page it leads to (a redirect, or the same form shown again). */
async function press(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);
  await expectAccessible(page);
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expectAccessible(page);
}

/** Presses Tab until the focused element satisfies `isTarget` (at most `limit` presses). */
interface Focused { tag: string; text: string; name: string; value: string }

async function tabTo(page: Page, isTarget: (el: Focused) => boolean, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate<Focused>(`(() => {
      const a = document.activeElement;
      return { tag: a ? a.tagName : '', text: a && a.textContent ? a.textContent.trim() : '', name: (a && a.getAttribute('name')) || '', value: (a && a.value) || '' };
    })()`);
    if (isTarget(el)) return;
  }
  throw new Error('Tab never reached the element');
}

describe('a commissioner working a placement through the web pages', () => {
  let t: WebTestApp;
  let page: Page;
  let bearer: string;
  let placementId: string;

  const apiView = async (id: string) => {
    const res = await t.http.get(`/api/placements/${id}`).set('Authorization', `Bearer ${bearer}`).expect(200);
    return res.body as { revision: number; history: HistoryEntry[] };
  };
  const apiPost = (id: string, path: string, body: object) =>
    t.http.post(`/api/placements/${id}${path}`).set('Authorization', `Bearer ${bearer}`).send(body);
  /** A placement commissioned through the API, starting `startDate`. */
  const commissionedByApi = async (childRef: string, startDate: string) => {
    const created = await t.http.post('/api/placements').set('Authorization', `Bearer ${bearer}`).send(requestBody({ childRef, requiredFrom: startDate })).expect(201);
    const id = created.body.placementId as string;
    await apiPost(id, '/in-house-searches', noInHouseOption(startDate)).expect(201);
    await apiPost(id, '/commission', commissionBody({ startDate })).expect(201);
    return id;
  };

  beforeAll(async () => {
    t = await startWebTestApp('embedded');
    bearer = await t.token(['commissioner']);
    ({ page } = await t.signedIn('commissioner-amrit'));
  });
  afterAll(() => t.close());

  it('lists placements with a button to raise a request, and raises one', async () => {
    await open(page, `${t.base}/placements`);
    await screenshot(page, 'placements-list');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Raise a placement request' }).click()]);
    await expectAccessible(page);
    await page.getByLabel('Child reference').fill('LAC-WEB01');
    await page.getByLabel('Age of the child, in years').fill('11');
    await page.check('input[name="urgency"][value="planned"]');
    await fillDate(page, 'requiredFrom', '2026-11-30');
    await press(page, 'Raise request');
    expect(page.url()).toMatch(/\/placements\/[0-9a-f-]{36}$/);
    placementId = page.url().split('/').pop()!;
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Placement request raised');
  });

  it('records the in-house search of the three in-house resources', async () => {
    await open(page, `${t.base}/placements/${placementId}/in-house-search`);
    await fillDate(page, 'searchedOn', '2026-11-23');
    await page.check('input[name="options.0.outcome"][value="unavailable"]');
    await page.fill('[name="options.0.note"]', 'No carer with a vacancy for age 11');
    await page.check('input[name="options.1.outcome"][value="unsuitable"]');
    await page.check('input[name="options.2.outcome"][value="unavailable"]');
    await press(page, 'Record the search');
    expect(page.url()).toBe(`${t.base}/placements/${placementId}`);
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('In-house search recorded');
  });

  const fillCommission = async (weeklyRate: string) => {
    await page.check('input[name="knownProvider"][value="new"]');
    await page.fill('[name="provider.id"]', 'IFA-017');
    await page.fill('[name="provider.name"]', 'Brightway Fostering');
    await page.selectOption('[name="provider.ofstedGrade"]', 'good');
    await page.fill('[name="provider.distanceMiles"]', '12');
    await page.fill('[name="weeklyRate"]', weeklyRate);
    await fillDate(page, 'startDate', '2026-11-30');
    await page.fill('[name="costCentre"]', 'CC-IFA');
  };

  it('refuses a rate outside the band at confirmation, naming the rule, and records nothing', async () => {
    const before = await apiView(placementId);
    await open(page, `${t.base}/placements/${placementId}/commission`);
    await fillCommission('£6,000');
    await press(page, 'Continue');
    expect(page.url()).toBe(`${t.base}/placements/${placementId}/commission/check`);
    await press(page, 'Confirm and commission');
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(summary).toContain('Rate band (rate-band)');
    expect(summary).toContain('£6,000.00 a week is outside the U4 band of £800.00–£5,000.00');
    await expect(page.locator('[name="weeklyRate"]').inputValue()).resolves.toBe('£6,000');
    await screenshot(page, 'refused-commission');
    const after = await apiView(placementId);
    expect(after.history).toEqual(before.history);
    expect(after.revision).toBe(before.revision);
  });

  it('commissions through check-your-answers, with the term end and the initial term’s cost', async () => {
    await page.fill('[name="weeklyRate"]', '£1,150.50');
    await press(page, 'Continue');
    const answers = await page.locator('.govuk-summary-list').first().innerText();
    expect(answers).toContain('£1,150.50 a week');
    expect(answers).toContain('the term ends on 28 December 2026');
    expect(answers).toContain('£4,602.00'); // 115050 × 28 / 7
    await screenshot(page, 'commission-check-answers');
    await page.getByRole('link', { name: 'Change weekly rate' }).click();
    await page.waitForURL(/commission\?change=1/);
    await expectAccessible(page);
    await expect(page.locator('[name="weeklyRate"]').inputValue()).resolves.toBe('£1,150.50');
    await press(page, 'Continue');
    await press(page, 'Confirm and commission');
    expect(page.url()).toBe(`${t.base}/placements/${placementId}`);
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Placement commissioned');
  });

  it('records the review, the extension, a rate change, joint funding and the end', async () => {
    t.clock.set('2026-12-21T09:00:00Z');
    await open(page, `${t.base}/placements/${placementId}/review`);
    await fillDate(page, 'reviewedOn', '2026-12-21');
    await page.check('input[name="outcome"][value="extend"]');
    await page.fill('[name="notes"]', 'Settled; school place secured');
    await press(page, 'Record the review');

    await open(page, `${t.base}/placements/${placementId}/extend`);
    await expect(page.locator('[name="newTermEnd-day"]').inputValue()).resolves.toBe('25');
    await page.fill('[name="reason"]', 'Care plan: remain until the January review');
    await press(page, 'Extend the placement');
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Placement extended');

    await open(page, `${t.base}/placements/${placementId}/rate-change`);
    await fillDate(page, 'effectiveFrom', '2026-12-07');
    await page.fill('[name="weeklyRate"]', '1,200');
    await page.fill('[name="reason"]', 'Provider uplift agreed, backdated');
    await press(page, 'Change the rate');

    await open(page, `${t.base}/placements/${placementId}/joint-funding`);
    await page.check('input[name="contributor"][value="health"]');
    await page.fill('[name="share"]', '25');
    await fillDate(page, 'effectiveFrom', '2026-12-01');
    await press(page, 'Record joint funding');

    await open(page, `${t.base}/placements/${placementId}/end`);
    await fillDate(page, 'endDate', '2027-01-18');
    await page.selectOption('[name="reason"]', 'E4A');
    await press(page, 'End the placement');
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Placement ended');
  });

  it('shows the timeline of every event in plain words, and the API holds them with who and in which role', async () => {
    await open(page, `${t.base}/placements/${placementId}`);
    const timeline = await page.locator('.moj-timeline').innerText();
    for (const words of [
      'Placement requested', 'In-house search found no suitable option', 'Commissioned from Brightway Fostering', 'Four-week review: extend',
      'Extended to 25 January 2027', 'Rate changed from £1,150.50 a week to £1,200.00 a week', 'Joint funding agreed with health', 'Placement ended',
      'by commissioner-amrit, as commissioner', 'Settled; school place secured', 'Effective 7 December 2026',
    ]) expect(timeline).toContain(words);
    await screenshot(page, 'placement-detail');

    const { history } = await apiView(placementId);
    expect(history.map((h) => h.type)).toEqual([
      'PlacementRequested', 'InHouseSearchRecorded', 'PlacementCommissioned', 'FourWeekReviewRecorded',
      'PlacementExtended', 'PlacementRateChanged', 'JointFundingAgreed', 'PlacementEnded',
    ]);
    for (const entry of history) expect(entry).toMatchObject({ actorId: 'commissioner-amrit', actorRole: 'commissioner' });
    expect(history[2].data).toMatchObject({ weeklyRatePence: 115_050, termEnd: '2026-12-28', provider: { id: 'IFA-017', ofstedGrade: 'good', distanceMiles: 12 } });
    expect(history[5].data).toMatchObject({ weeklyRatePence: 120_000, effectiveFrom: '2026-12-07' });
    expect(history[6].data).toMatchObject({ contributor: 'health', shareBasisPoints: 2500 });
  });

  it('filters, sorts and pages the list by query parameters alone', async () => {
    await commissionedByApi('LAC-OTHER', '2026-11-30'); // term ends 28 December: due within 7 days
    await open(page, `${t.base}/placements?childRef=web01`);
    const rows = await page.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('LAC-WEB01');
    await open(page, `${t.base}/placements?sort=childRef&order=desc`);
    const refs = await page.locator('tbody tr td:first-child').allInnerTexts();
    expect(refs).toEqual(['LAC-WEB01', 'LAC-OTHER']);
    await expect(page.locator('th[aria-sort="descending"]').innerText()).resolves.toContain('Child reference');
    await open(page, `${t.base}/placements?review=due`);
    await expect(page.locator('tbody tr td:first-child').allInnerTexts()).resolves.toEqual(['LAC-OTHER']);
  });

  it('lists the reviews due, and a keyboard alone records one from there', async () => {
    await open(page, `${t.base}/renewals`);
    await expect(page.locator('main').innerText()).resolves.toContain('LAC-OTHER');
    await screenshot(page, 'renewals');
    await tabTo(page, (el) => el.tag === 'A' && el.text.startsWith('Record the review'));
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await expectAccessible(page);
    await tabTo(page, (el) => el.name === 'reviewedOn-day');
    // The day, month and year are prefilled with today; the outcome is chosen with Space.
    await tabTo(page, (el) => el.name === 'outcome');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Reviewed by keyboard');
    await tabTo(page, (el) => el.tag === 'BUTTON' && el.text === 'Record the review');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await expectAccessible(page);
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Four-week review recorded');
    const id = page.url().split('/').pop()!;
    const { history } = await apiView(id);
    expect(history[history.length - 1]).toMatchObject({
      type: 'FourWeekReviewRecorded', actorId: 'commissioner-amrit', actorRole: 'commissioner',
      data: expect.objectContaining({ outcome: 'extend', reviewedOn: '2026-12-21', notes: 'Reviewed by keyboard' }),
    });
  });

  it('shows the 409 message over the placement as it now is when someone else changed it first, and records nothing', async () => {
    const id = await commissionedByApi('LAC-RACE1', '2026-12-14');
    await open(page, `${t.base}/placements/${id}/rate-change`);
    await fillDate(page, 'effectiveFrom', '2026-12-15');
    await page.fill('[name="weeklyRate"]', '1,000');
    await page.fill('[name="reason"]', 'Uplift');
    await apiPost(id, '/joint-funding', { contributor: 'education', shareBasisPoints: 1000, effectiveFrom: '2026-12-14' }).expect(201);
    const changed = await apiView(id);
    await press(page, 'Change the rate');
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Someone else changed this placement');
    await expect(page.locator('input[name="revision"]').inputValue()).resolves.toBe(String(changed.revision));
    await expect(page.locator('.govuk-summary-card').innerText()).resolves.toContain('education 10%');
    await expect(page.locator('[name="weeklyRate"]').inputValue()).resolves.toBe('1,000');
    expect((await apiView(id)).history).toEqual(changed.history);
  });

  it('answers an unknown placement or a malformed id with the GOV.UK 404 page', async () => {
    for (const id of ['not-a-uuid', '8f0c1a52-6a8e-4b6e-9f7e-2d3c4b5a6978']) {
      const response = await page.goto(`${t.base}/placements/${id}`);
      expect(response?.status()).toBe(404);
      await expect(page.locator('h1').innerText()).resolves.toBe('Page not found');
      await expectAccessible(page);
    }
  });
});

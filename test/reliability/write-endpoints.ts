/** The write endpoints the hostile requests break: what each body field must be, a valid body, and the setup they act on. */
import { END_REASON_CODES, PLACEMENT_TYPE_CODES, PROVIDER_TYPE_CODES } from '@ledger/domain';
import { MAX_BUDGET_PENCE, MAX_WEEKLY_RATE_PENCE } from '../../apps/api/src/http/validators';
import { commissionBody, noInHouseOption, requestBody } from '../support/placement-fixtures';
import type { TestApp } from '../support/test-app';

/** What a body field must be, as its DTO says: enough to break it for certain. */
export type Spec =
  | { readonly type: 'text'; readonly max: number; readonly required: boolean }
  | { readonly type: 'number'; readonly min: number; readonly max: number; readonly decimals: 0 | 1; readonly required: boolean }
  | { readonly type: 'date' | 'uuid'; readonly required: boolean }
  | { readonly type: 'enum'; readonly values: readonly string[]; readonly required: boolean }
  | { readonly type: 'object'; readonly fields: Fields; readonly required: boolean }
  | { readonly type: 'list'; readonly of: Spec; readonly required: boolean };
export type Fields = Readonly<Record<string, Spec>>;

const text = (max: number): Spec => ({ type: 'text', max, required: true });
const int = (min: number, max: number): Spec => ({ type: 'number', min, max, decimals: 0, required: true });
const date: Spec = { type: 'date', required: true };
const oneOf = (values: readonly string[]): Spec => ({ type: 'enum', values, required: true });
const object = (fields: Fields): Spec => ({ type: 'object', fields, required: true });
const list = (of: Spec): Spec => ({ type: 'list', of, required: true });
export const optional = (spec: Spec): Spec => ({ ...spec, required: false });

const RATE_EXCEPTION = optional(object({ reason: text(2000), approvedBy: text(200) }));
const PROVIDER = object({
  id: text(100), name: text(200), type: oneOf(PROVIDER_TYPE_CODES),
  ofstedGrade: oneOf(['outstanding', 'good', 'requires-improvement', 'inadequate', 'not-yet-inspected']),
  distanceMiles: { type: 'number', min: 0, max: 1000, decimals: 1, required: true },
});
const RATE = int(1, MAX_WEEKLY_RATE_PENCE);

/**
 * The placements the setup makes, one in each state a command needs (fixed ids, so that a seed sends the same
 * requests to both stores). Nothing hostile is accepted, so each stays ready for its commands throughout.
 */
export const PLACEMENTS = {
  requested: 'c0ffee00-0000-4000-8000-000000000001', searched: 'c0ffee00-0000-4000-8000-000000000002', offered: 'c0ffee00-0000-4000-8000-000000000003',
  commissioned: 'c0ffee00-0000-4000-8000-000000000004', withdrawn: 'c0ffee00-0000-4000-8000-000000000005',
} as const;
type PlacementState = keyof typeof PLACEMENTS;
const IN_HOUSE_OFFER = { searchedOn: '2026-11-24', options: [{ resource: 'In-house foster carers', outcome: 'available', note: 'Vacancy for age 11' }] };
export const NEVER_CREATED = 'c0ffee00-0000-4000-8000-0000000000ff';
export const BUDGET_PATH = '/api/budgets/2026-27/CC-IFA';

/** A write route, what its body must be, and a valid body to break. `fields` empty: the route reads no body. */
export interface WriteEndpoint {
  readonly method: 'POST' | 'PUT';
  readonly route: string;
  readonly fields: Fields;
  readonly body: Readonly<Record<string, unknown>>;
  /** The placement in whose state `body` would be accepted, so that a broken body that slipped through would be too. */
  readonly ready?: PlacementState;
  /** A key the setup used with the `first` body: the same key with `other` must be 422, with `first` a replay. */
  readonly setupKey?: { readonly key: string; readonly first: Readonly<Record<string, unknown>>; readonly other: Readonly<Record<string, unknown>> };
}

const placement = (action: string, ready: PlacementState, fields: Fields, body: Record<string, unknown>): WriteEndpoint =>
  ({ method: 'POST', route: `/api/placements/:id/${action}`, ready, fields, body });

const COMMISSION_FIELDS: Fields = {
  provider: PROVIDER, placementType: oneOf(PLACEMENT_TYPE_CODES), weeklyRatePence: RATE, startDate: date, initialTermDays: optional(int(1, 3660)),
  costCentre: text(40), emergencyReason: optional(text(2000)), rateException: RATE_EXCEPTION,
};
const COMMISSION_BODY = commissionBody({ initialTermDays: 28, emergencyReason: 'Police protection', rateException: { reason: 'Sibling group', approvedBy: 'Head of service' } });
const EXTENSION_FIELDS: Fields = { newTermEnd: date, weeklyRatePence: optional(RATE), reason: text(2000), rateException: RATE_EXCEPTION };
const EXTENSION_BODY = { newTermEnd: '2027-03-22', weeklyRatePence: 96_000, reason: 'Stable', rateException: { reason: 'Complex needs', approvedBy: 'Head of service' } };

export const ENDPOINTS: readonly WriteEndpoint[] = [
  {
    method: 'POST', route: '/api/placements',
    fields: {
      placementId: { type: 'uuid', required: false }, childRef: text(40), ageAtRequest: int(0, 25), needs: optional(list(text(200))),
      placementTypeSought: oneOf(PLACEMENT_TYPE_CODES), urgency: oneOf(['emergency', 'planned']), requiredFrom: date, siblingGroupSize: optional(int(1, 12)),
    },
    body: requestBody({ placementId: NEVER_CREATED }),
    setupKey: { key: 'reliability-setup-request', first: requestBody({ placementId: PLACEMENTS.requested }), other: requestBody({ placementId: PLACEMENTS.requested, childRef: 'LAC-OTHER1' }) },
  },
  placement('in-house-searches', 'requested', { searchedOn: date, options: list(object({ resource: text(200), outcome: oneOf(['available', 'unavailable', 'unsuitable']), note: optional(text(2000)) })) }, noInHouseOption()),
  placement('in-house-match', 'offered', { resource: text(200), startDate: date }, { resource: 'In-house foster carers', startDate: '2026-11-30' }),
  placement('commission', 'searched', COMMISSION_FIELDS, COMMISSION_BODY),
  // The previews take the commands' own bodies and must refuse what the commands refuse, recording nothing either way.
  placement('commission/preview', 'searched', COMMISSION_FIELDS, COMMISSION_BODY),
  placement('reviews', 'commissioned', { reviewedOn: date, outcome: oneOf(['extend', 'end', 'step-down-in-house']), notes: optional(text(4000)) }, { reviewedOn: '2026-12-20', outcome: 'extend', notes: 'Settled' }),
  placement('extensions', 'commissioned', EXTENSION_FIELDS, EXTENSION_BODY),
  placement('extensions/preview', 'commissioned', EXTENSION_FIELDS, EXTENSION_BODY),
  placement('rate-changes', 'commissioned', { effectiveFrom: date, weeklyRatePence: RATE, reason: text(2000), rateException: RATE_EXCEPTION },
    { effectiveFrom: '2026-12-01', weeklyRatePence: 99_000, reason: 'Uplift', rateException: { reason: 'Uplift agreed', approvedBy: 'Head of service' } }),
  placement('joint-funding', 'commissioned', { contributor: text(100), shareBasisPoints: int(1, 10_000), effectiveFrom: date }, { contributor: 'health', shareBasisPoints: 2500, effectiveFrom: '2026-12-01' }),
  placement('end', 'commissioned', { endDate: date, reason: oneOf(END_REASON_CODES) }, { endDate: '2027-01-10', reason: 'E4A' }),
  placement('withdraw', 'requested', { reason: text(2000) }, { reason: 'No longer needed' }),
  {
    method: 'PUT', route: '/api/budgets/:financialYear/:costCentre', fields: { amountPence: int(0, MAX_BUDGET_PENCE), reason: text(2000) },
    body: { amountPence: 1_400_000_000, reason: 'Revised by Cabinet' },
    setupKey: { key: 'reliability-setup-budget', first: { amountPence: 1_250_000_000, reason: 'Approved by Cabinet' }, other: { amountPence: 1_300_000_000, reason: 'Approved by Cabinet' } },
  },
  {
    // A model that records nothing; every field is held to its pattern, so no hostile value can pass for a valid one.
    method: 'POST', route: '/api/sufficiency/what-if',
    fields: { placementType: text(4), ageBand: text(5), additionalInHousePlacements: int(1, 1000), from: date },
    body: { placementType: 'U4', ageBand: '12+', additionalInHousePlacements: 10, from: '2026-04-01' },
  },
  { method: 'POST', route: '/api/jobs/renewal-sweep', fields: {}, body: {} },
  { method: 'POST', route: '/api/jobs/weekly-report', fields: {}, body: {} },
];

export const bodyless = (e: WriteEndpoint) => Object.keys(e.fields).length === 0;

/** Valid requests that give the hostile ones something to hit: a placement in each state, a budget, both jobs run once. */
export async function setUp(t: TestApp, bearer: string): Promise<void> {
  const must = async (status: number, answer: Promise<{ status: number; text: string }>, what: string) => {
    const res = await answer;
    if (res.status !== status) throw new Error(`setup: ${what} answered ${res.status}: ${res.text.slice(0, 300)}`);
  };
  const post = (path: string, body: object, key?: string) => {
    const req = t.http.post(path).set('Authorization', bearer);
    return (key === undefined ? req : req.set('Idempotency-Key', key)).send(body);
  };
  const [request, budget] = [ENDPOINTS.find((e) => e.route === '/api/placements')!, ENDPOINTS.find((e) => e.method === 'PUT')!];
  const requested = (state: PlacementState, n: number) => post('/api/placements', requestBody({ placementId: PLACEMENTS[state], childRef: `LAC-REL0${n}` }));
  const onto = (state: PlacementState, action: string, body: object) => post(`/api/placements/${PLACEMENTS[state]}/${action}`, body);
  await must(201, post('/api/placements', request.setupKey!.first, request.setupKey!.key), 'a request');
  await must(201, requested('searched', 2), 'a second request');
  await must(201, onto('searched', 'in-house-searches', noInHouseOption()), 'an in-house search');
  await must(201, requested('offered', 3), 'a third request');
  await must(201, onto('offered', 'in-house-searches', IN_HOUSE_OFFER), 'an in-house search that found a carer');
  await must(201, requested('commissioned', 4), 'a fourth request');
  await must(201, onto('commissioned', 'in-house-searches', noInHouseOption()), 'an in-house search');
  await must(201, onto('commissioned', 'commission', commissionBody()), 'a commission');
  await must(201, requested('withdrawn', 5), 'a fifth request');
  await must(201, onto('withdrawn', 'withdraw', { reason: 'Family found a kinship carer' }), 'a withdrawal');
  await must(200, t.http.put(BUDGET_PATH).set('Authorization', bearer).set('Idempotency-Key', budget.setupKey!.key).send(budget.setupKey!.first), 'a budget');
  await must(200, post('/api/jobs/renewal-sweep', {}), 'the renewal sweep');
  await must(200, post('/api/jobs/weekly-report', {}), 'the weekly report');
}

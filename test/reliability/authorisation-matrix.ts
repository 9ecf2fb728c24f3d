import { ROLES, type Role } from '@ledger/application';
import { requestBody } from '../support/placement-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { accessLabel, apiRoutes, routeDisagreements, type ApiRoute } from './api-routes';
import { countsLine, tally, type CampaignSize, type Scenario, type ScenarioReport } from './campaign';
import { AUDIENCE, BAD_TOKEN_KINDS, GOOD_TOKEN_KINDS, ISSUER, REDUCED_BAD_KINDS, ROLE_SETS, sound, type TokenKind } from './token-kinds';

export { apiRoutes } from './api-routes';

type Expected = 'refused' | 'forbidden' | 'allowed' | 'open';

function expectedCell(route: ApiRoute, kind: TokenKind, roles: readonly Role[]): Expected {
  if (route.access === 'public') return 'open';
  if (kind.authenticates === 'refused') return 'refused';
  const held = kind.authenticates === 'as-roles' ? roles : [];
  return held.some((r) => route.access.includes(r)) ? 'allowed' : 'forbidden';
}

interface Answer { readonly status: number; readonly challenge: string; readonly retryAfter: string }

function judged(expected: Expected, answer: Answer): { outcome: string; holds: boolean } {
  const { status } = answer;
  if (status === 429) return { outcome: `${expected} → 429 (rate-limited: not checked)`, holds: false };
  switch (expected) {
    case 'refused':
      return { outcome: `refused → ${status}`, holds: status === 401 && /\bBearer\b/.test(answer.challenge) };
    case 'forbidden':
      return { outcome: `forbidden → ${status}`, holds: status === 403 };
    case 'allowed':
    case 'open':
      return { outcome: `${expected} → ${Math.floor(status / 100)}xx`, holds: status !== 401 && status !== 403 && status < 500 };
    default: {
      const unreachable: never = expected;
      throw new Error(`unknown expectation ${String(unreachable)}`);
    }
  }
}

/** Each request claims its own client address (the app trusts proxies on loopback), so no client reaches the failure limit. */
const clientAddress = (n: number) => `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;

const PARAM_VALUES: Readonly<Record<string, string>> = { financialYear: '2026-27', costCentre: 'CC-IFA', reportId: 'no-such-report' };

function concretePath(route: ApiRoute, placementId: string): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(name === 'id' ? placementId : PARAM_VALUES[name] ?? 'x'));
}

async function ask(t: TestApp, method: string, target: string, authorization: string | undefined, client: string): Promise<Answer> {
  const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let req = t.http[verb](target).set('X-Forwarded-For', client);
  if (authorization !== undefined) req = req.set('Authorization', authorization);
  const res = verb === 'get' ? await req : await req.set('Content-Type', 'application/json').send('{}');
  return { status: res.status, challenge: String(res.headers['www-authenticate'] ?? ''), retryAfter: String(res.headers['retry-after'] ?? '') };
}

/** Refusals from one client address past which the limiter blocks it (AuthFailureLimiter's default). */
const FAILURE_LIMIT = 20;

/** The limiter still guards the API: one address past the limit is answered 429, even with a valid token; another is still heard. */
async function limiterBites(t: TestApp): Promise<{ summary: string; violations: string[] }> {
  const [one, other] = ['203.0.113.7', '203.0.113.8'];
  const statuses = new Map<number, number>();
  for (let i = 0; i <= FAILURE_LIMIT; i++) tally(statuses, (await ask(t, 'GET', '/api/placements', 'Bearer not-a-jwt', one)).status);
  const blocked = await ask(t, 'GET', '/api/placements', `Bearer ${await sound(['manager'])}`, one);
  const heard = await ask(t, 'GET', '/api/placements', 'Bearer not-a-jwt', other);
  const summary = `${FAILURE_LIMIT + 1} bad tokens from one address → ${countsLine(statuses)}; then a valid token from it → ${blocked.status} (Retry-After ${blocked.retryAfter || 'none'}); a bad token from another address → ${heard.status}`;
  const holds = statuses.get(401) === FAILURE_LIMIT + 1 && blocked.status === 429 && Number(blocked.retryAfter) > 0 && heard.status === 401;
  return { summary, violations: holds ? [] : [`the auth failure limiter did not behave as documented: ${summary}`] };
}

async function realPlacement(t: TestApp): Promise<string> {
  const res = await t.http.post('/api/placements').set('Authorization', `Bearer ${await sound(['commissioner'])}`).send(requestBody());
  if (res.status !== 201) throw new Error(`setting up a placement answered ${res.status}: ${res.text}`);
  return String(res.body.placementId);
}

function whoMayCall(routes: readonly ApiRoute[]): string {
  const counts = new Map<string, number>();
  for (const r of routes) tally(counts, accessLabel(r.access));
  return `Who may call, from the decorators: ${countsLine(counts)} routes`;
}

/**
 * Every API route × every role set × every kind of token (a reduced run: six bad kinds) gets the answer
 * it must: a refused token 401 with a Bearer challenge, a role the route does not allow 403, an allowed
 * role anything but 401/403/5xx. The routes come from the controllers and must agree with express and with
 * docs/api.md, roles included.
 */
export const authorisationMatrix: Scenario = {
  name: 'authorisation-matrix',
  async run(size: CampaignSize): Promise<ScenarioReport> {
    if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: the authorisation matrix runs against PostgreSQL');
    const t = await startTestApp('postgres', undefined, { AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE });
    try {
      const routes = apiRoutes(t.app);
      const violations = routeDisagreements(t.app, routes);
      const placementId = await realPlacement(t);
      const kinds = [...GOOD_TOKEN_KINDS, ...BAD_TOKEN_KINDS.filter((k) => size === 'full' || REDUCED_BAD_KINDS.includes(k.name))];
      const outcomes = new Map<string, number>();
      let cells = 0;
      for (const route of routes) {
        const target = concretePath(route, placementId);
        for (const roles of ROLE_SETS) {
          for (const kind of kinds) {
            const expected = expectedCell(route, kind, roles);
            const answer = await ask(t, route.method, target, await kind.authorization(roles), clientAddress(cells++));
            const { outcome, holds } = judged(expected, answer);
            tally(outcomes, outcome);
            if (!holds) violations.push(`${route.method} ${route.path} as [${roles.join(', ')}] with ${kind.name}: expected ${expected}, got ${answer.status} (WWW-Authenticate: ${answer.challenge || 'none'})`);
          }
        }
      }
      const limiter = await limiterBites(t);
      violations.push(...limiter.violations);
      const refusedKinds = kinds.filter((k) => k.authenticates === 'refused').length;
      return {
        title: 'Authorisation matrix: every route × role set × token kind',
        figures: [
          `${routes.length} routes (the controllers' metadata; express serves the same and docs/api.md documents them) × ${ROLE_SETS.length} role sets × ${kinds.length} token kinds (${refusedKinds} refused, ${kinds.length - refusedKinds} authentic) = ${(routes.length * ROLE_SETS.length * kinds.length).toLocaleString('en-GB')} cells; ${cells.toLocaleString('en-GB')} checked`,
          `Outcomes (expected → answered): ${countsLine(outcomes)}`,
          whoMayCall(routes),
          `Role sets: ${ROLE_SETS.map((s) => (s.length === 0 ? 'none' : s.length === ROLES.length ? 'all five' : s.join('+'))).join(', ')}`,
          `Token kinds: ${kinds.map((k) => k.name).join('; ')}`,
          'Tokens: HS256 with AUTH_JWT_SECRET, and AUTH_ISSUER and AUTH_AUDIENCE set for this run so that issuer and audience are checked; PostgreSQL store',
          `Auth failure limiter (more than 20 refusals in 10 s from one client → 429): each cell's request came from its own X-Forwarded-For address, which the app believes because it trusts proxies on loopback, so no 429 can be miscounted (a 429 in the matrix would be a violation). Checked apart: ${limiter.summary}`,
        ],
        violations,
      };
    } finally {
      await t.close();
    }
  },
};

import { SignJWT } from 'jose';
import { startTestApp, TEST_SECRET, type TestApp } from '../support/test-app';

/** A token signed with the ledger's secret, with exactly the claims given. */
async function tokenWith(claims: { iat?: number; exp?: number }): Promise<string> {
  let jwt = new SignJWT({ roles: ['manager'] }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject('manager-eve');
  if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat);
  if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
  return jwt.sign(new TextEncoder().encode(TEST_SECRET));
}

describe('bearer tokens the API accepts', () => {
  let t: TestApp;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    t = await startTestApp('embedded');
  });
  afterAll(() => t.close());

  const get = (token?: string) => {
    const req = t.http.get('/api/placements');
    return token === undefined ? req : req.set('Authorization', `Bearer ${token}`);
  };

  it('accepts a token that expires within the lifetime allowed, issued now', async () => {
    await get(await tokenWith({ iat: now(), exp: now() + 12 * 3600 })).expect(200);
  });

  it.each([
    ['without an expiry', () => tokenWith({ iat: now() })],
    ['living ten years', () => tokenWith({ iat: now(), exp: now() + 10 * 365 * 86_400 })],
    ['living two days with no iat', () => tokenWith({ exp: now() + 2 * 86_400 })],
    ['issued an hour in the future', () => tokenWith({ iat: now() + 3600, exp: now() + 7200 })],
    ['expired beyond the clock skew', () => tokenWith({ iat: now() - 7200, exp: now() - 120 })],
  ])('refuses a token %s with 401 and WWW-Authenticate: Bearer error="invalid_token"', async (_what, make) => {
    const res = await get(await make()).expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="placement-ledger", error="invalid_token"');
  });

  it('allows a small clock skew: a token expired 30 seconds ago still passes', async () => {
    await get(await tokenWith({ iat: now() - 3600, exp: now() - 30 })).expect(200);
  });

  it('answers a request with no token 401 with a challenge that names no error', async () => {
    const res = await get().expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="placement-ledger"');
  });
});

describe('a client that keeps sending bad tokens', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('embedded');
  });
  afterAll(() => t.close());

  it('is answered 429 with Retry-After once it passes the limit, and never a 5xx', async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 60; i++) {
      const res = await t.http.get('/api/placements').set('Authorization', `Bearer not-a-token-${i}`);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers['retry-after'];
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(21)).toEqual(Array(39).fill(429));
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Even a valid token waits out the block: the client, not the token, is limited.
    const valid = await t.token(['manager']);
    await t.http.get('/api/placements').set('Authorization', `Bearer ${valid}`).expect(429);
  });
});

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { AuthenticationError, issueToken, TokenVerifier } from '@ledger/application';

const SECRET = 'a-test-secret-of-at-least-32-characters!';

describe('bearer tokens signed with the HS256 secret', () => {
  const verifier = new TokenVerifier({}, SECRET);

  it('yields the subject and the known roles', async () => {
    const token = await issueToken(SECRET, { sub: 'ann', roles: ['commissioner', 'finance'] });
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'ann', roles: ['commissioner', 'finance'] });
  });

  it('refuses a token signed with another secret', async () => {
    const token = await issueToken('another-secret-of-at-least-32-characters', { sub: 'ann', roles: ['admin'] });
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('refuses an expired token', async () => {
    const token = await issueToken(SECRET, { sub: 'ann', roles: ['admin'] }, '1h', new Date(Date.now() - 3 * 3_600_000));
    await expect(verifier.verify(token)).rejects.toThrow('invalid or has expired');
  });
});

describe('bearer tokens from an OIDC issuer, verified against its JWKS', () => {
  let server: http.Server;
  let jwksUrl: string;
  let sign: (claims: Record<string, unknown>, issuer?: string) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = http.createServer((_, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    sign = (claims, issuer = 'https://login.council.example') =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('raj').setIssuer(issuer)
        .setAudience('placement-ledger').setIssuedAt().setExpirationTime('5m').sign(privateKey);
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const verifier = () => new TokenVerifier({ jwksUrl, jwtIssuer: 'https://login.council.example', jwtAudience: 'placement-ledger' }, 'unused');

  it('accepts a token from the configured issuer and audience', async () => {
    await expect(verifier().verify(await sign({ roles: ['manager'] }))).resolves.toEqual({ sub: 'raj', roles: ['manager'] });
  });

  it('refuses a token from another issuer', async () => {
    await expect(verifier().verify(await sign({ roles: ['manager'] }, 'https://elsewhere.example'))).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('drops roles the ledger does not know', async () => {
    await expect(verifier().verify(await sign({ roles: ['manager', 'superuser'] }))).resolves.toEqual({ sub: 'raj', roles: ['manager'] });
  });
});

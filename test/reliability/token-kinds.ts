/** The kinds of Authorization header the matrix sends, each minted for a role set, and the role sets themselves. */
import { base64url, SignJWT, type JWTPayload } from 'jose';
import { ROLES, type Role } from '@ledger/application';
import { TEST_SECRET } from '../support/test-app';

/** The issuer and audience this run's app requires, so that a token minted for another is refused. */
export const ISSUER = 'https://issuer.reliability.test';
export const AUDIENCE = 'placement-ledger';
const OTHER_SECRET = 'another-secret-that-is-at-least-32-characters';
const HOUR = 3600;

type Claims = Record<string, unknown>;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Claims the ledger accepts: this issuer and audience, a subject, an hour to live. */
const soundClaims = (roles: readonly Role[]): Claims =>
  ({ sub: 'reliability-caller', roles: [...roles], iss: ISSUER, aud: AUDIENCE, iat: nowSeconds(), exp: nowSeconds() + HOUR });

function mintToken(claims: Claims, alg = 'HS256', secret = TEST_SECRET): Promise<string> {
  return new SignJWT(claims as JWTPayload).setProtectedHeader({ alg, typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

/** A kind of Authorization header, and what the ledger must make of it. */
export interface TokenKind {
  readonly name: string;
  /** `as-roles`: it acts in the role set's roles; `roleless`: authentic, but no role it can use (403); `refused`: 401. */
  readonly authenticates: 'as-roles' | 'roleless' | 'refused';
  authorization(roles: readonly Role[]): Promise<string | undefined>;
}

const json64 = (value: unknown) => base64url.encode(JSON.stringify(value));
export const sound = (roles: readonly Role[]) => mintToken(soundClaims(roles));
const withClaims = (change: (claims: Claims) => Claims) => async (roles: readonly Role[]) => `Bearer ${await mintToken(change(soundClaims(roles)))}`;
const without = (claim: string) => withClaims(({ [claim]: _gone, ...rest }) => rest);
const signedWith = (alg: string, secret?: string) => async (roles: readonly Role[]) => `Bearer ${await mintToken(soundClaims(roles), alg, secret)}`;
const refused = (name: string, authorization: TokenKind['authorization']): TokenKind => ({ name, authenticates: 'refused', authorization });

/** A sound token whose payload is rewritten after signing: the signature no longer covers it. */
async function tampered(roles: readonly Role[]): Promise<string> {
  const [header, payload, signature] = (await sound(roles)).split('.');
  const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as Claims;
  return `Bearer ${header}.${json64({ ...claims, sub: 'someone-else', roles: ROLES })}.${signature}`;
}

async function relabelled(roles: readonly Role[]): Promise<string> {
  const [, payload, signature] = (await sound(roles)).split('.');
  return `Bearer ${json64({ alg: 'RS256', typ: 'JWT' })}.${payload}.${signature}`;
}

export const GOOD_TOKEN_KINDS: readonly TokenKind[] = [
  { name: 'valid', authenticates: 'as-roles', authorization: withClaims((c) => c) },
  { name: 'lowercase "bearer" (schemes are case-insensitive)', authenticates: 'as-roles', authorization: async (roles) => `bearer ${await sound(roles)}` },
  { name: 'unknown roles beside the real ones', authenticates: 'as-roles', authorization: withClaims((c) => ({ ...c, roles: [...(c.roles as Role[]), 'superuser', 'root'] })) },
  { name: 'roles a string, not an array', authenticates: 'roleless', authorization: withClaims((c) => ({ ...c, roles: (c.roles as Role[]).join(',') })) },
  { name: 'no roles claim', authenticates: 'roleless', authorization: without('roles') },
];

export const BAD_TOKEN_KINDS: readonly TokenKind[] = [
  refused('no Authorization header', async () => undefined),
  refused('"Bearer" and nothing', async () => 'Bearer '),
  refused('Basic scheme', async () => `Basic ${Buffer.from('commissioner:password').toString('base64')}`),
  refused('"Token" scheme', async (roles) => `Token ${await sound(roles)}`),
  refused('not a JWT', async () => 'Bearer not-a-jwt'),
  refused('wrong signature', signedWith('HS256', OTHER_SECRET)),
  refused('alg none', async (roles) => `Bearer ${json64({ alg: 'none', typ: 'JWT' })}.${json64(soundClaims(roles))}.`),
  refused('HS512 with the right secret', signedWith('HS512')),
  refused('HS384 with the right secret', signedWith('HS384')),
  refused('RS256 header on an HS256 signature', relabelled),
  refused('expired', withClaims((c) => ({ ...c, iat: nowSeconds() - 2 * HOUR, exp: nowSeconds() - 300 }))),
  refused('no exp', without('exp')),
  refused('exp a string', withClaims((c) => ({ ...c, exp: String(c.exp) }))),
  refused('lifetime over the 24 h cap', withClaims((c) => ({ ...c, exp: nowSeconds() + 48 * HOUR }))),
  refused('no iat, exp two days ahead', withClaims(({ iat: _iat, ...c }) => ({ ...c, exp: nowSeconds() + 48 * HOUR }))),
  refused('iat in the future', withClaims((c) => ({ ...c, iat: nowSeconds() + HOUR, exp: nowSeconds() + 2 * HOUR }))),
  refused('nbf in the future', withClaims((c) => ({ ...c, nbf: nowSeconds() + HOUR }))),
  refused('empty sub', withClaims((c) => ({ ...c, sub: '' }))),
  refused('no sub', without('sub')),
  refused('sub not a string', withClaims((c) => ({ ...c, sub: 42 }))),
  refused('wrong issuer', withClaims((c) => ({ ...c, iss: 'https://elsewhere.test' }))),
  refused('no issuer', without('iss')),
  refused('wrong audience', withClaims((c) => ({ ...c, aud: 'another-service' }))),
  refused('no audience', without('aud')),
  refused('truncated signature', async (roles) => `Bearer ${(await sound(roles)).slice(0, -6)}`),
  refused('tampered payload (roles raised to every role)', tampered),
  refused('an extra dot segment', async (roles) => `Bearer ${await sound(roles)}.e30`),
  refused('two tokens after Bearer', async (roles) => `Bearer ${await sound(roles)} ${await sound(roles)}`),
  refused('very long token (8 KiB)', async () => `Bearer ${'A'.repeat(8192)}`),
];

/** The role sets a caller may hold: each role alone, none, two, and all five. */
export const ROLE_SETS: readonly (readonly Role[])[] = [...ROLES.map((r) => [r]), [], ['manager', 'commissioner'], ROLES];

/** The bad-token kinds a reduced run tries: one of each family (no token, not a JWT, signature, algorithm, time, tampering). */
export const REDUCED_BAD_KINDS = ['no Authorization header', 'not a JWT', 'wrong signature', 'alg none', 'expired', 'tampered payload (roles raised to every role)'];

import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROLES, type Role } from '../command-handling/command-envelope';
import type { LedgerConfig } from '../config/ledger-config';

export interface Principal {
  readonly sub: string;
  readonly roles: readonly Role[];
}

export class AuthenticationError extends Error {
  /** `invalid_token` when a token was sent and refused (RFC 6750); absent when none was sent. */
  readonly bearerError?: 'invalid_token';
  constructor(message: string, options?: { cause?: unknown; bearerError?: 'invalid_token' }) {
    super(message, options);
    this.name = 'AuthenticationError';
    this.bearerError = options?.bearerError;
  }
}

/** Tokens must expire within this long of being issued (or of now, without `iat`), unless configured. */
export const DEFAULT_TOKEN_MAX_LIFETIME_SECONDS = 24 * 3600;
/** Clocks of the issuer and the ledger may differ by this much. */
export const DEFAULT_CLOCK_SKEW_SECONDS = 60;

const SECRET_FILE = 'auth-secret';

/**
 * The HS256 secret: AUTH_JWT_SECRET when set, else the one kept in the data folder, else a new one
 * written there (0600) at first start. `generated` tells the caller to print where it lives.
 */
export function resolveJwtSecret(config: Pick<LedgerConfig, 'jwtSecret' | 'dataDir'>): { secret: string; generated: boolean; file?: string } {
  if (config.jwtSecret !== undefined) return { secret: config.jwtSecret, generated: false };
  const file = path.join(config.dataDir, SECRET_FILE);
  if (fs.existsSync(file)) return { secret: fs.readFileSync(file, 'utf8').trim(), generated: false, file };
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return { secret, generated: true, file };
}

/** A lifetime such as `90m`, `12h` or `7d`, in seconds. */
export function ttlSeconds(ttl: string): number {
  const match = /^(\d{1,6})([smhd])$/.exec(ttl);
  if (match === null) throw new RangeError(`"${ttl}" is not a lifetime such as 30m, 12h or 7d`);
  return Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as 's' | 'm' | 'h' | 'd'];
}

/** Signs a token issued at `now` (expiry counted from then, so tests can issue one already expired). */
export async function issueToken(secret: string, principal: Principal, ttl = '12h', now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ roles: [...principal.roles] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(principal.sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds(ttl))
    .sign(new TextEncoder().encode(secret));
}

/** Verifies bearer tokens: against an OIDC issuer's JWKS when AUTH_JWKS_URL is set, else HS256. */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;

  constructor(
    private readonly config: Partial<Pick<LedgerConfig, 'jwksUrl' | 'jwtIssuer' | 'jwtAudience' | 'tokenMaxLifetimeSeconds'>>,
    secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = config.jwksUrl !== undefined ? createRemoteJWKSet(new URL(config.jwksUrl)) : new TextEncoder().encode(secret);
  }

  /**
   * Signature, algorithm, issuer and audience; then `exp` required, not past (within the clock skew), and
   * no further than the configured lifetime from `iat` (or from now); `iat`, if present, not in the future.
   */
  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    const invalid = (message: string, cause?: unknown) => new AuthenticationError(message, { cause, bearerError: 'invalid_token' });
    try {
      const options = {
        algorithms: this.config.jwksUrl !== undefined ? ['RS256', 'ES256', 'PS256'] : ['HS256'],
        issuer: this.config.jwtIssuer,
        audience: this.config.jwtAudience,
        requiredClaims: ['exp'],
        clockTolerance: DEFAULT_CLOCK_SKEW_SECONDS,
        currentDate: this.now(),
      };
      payload = typeof this.key === 'function'
        ? (await jwtVerify(token, this.key, options)).payload
        : (await jwtVerify(token, this.key, options)).payload;
    } catch (cause) {
      throw invalid('The bearer token is invalid or has expired, or has no expiry (exp)', cause);
    }
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    if (typeof payload.iat === 'number' && payload.iat > nowSeconds + DEFAULT_CLOCK_SKEW_SECONDS) throw invalid('The token was issued in the future (iat)');
    const maxLifetime = this.config.tokenMaxLifetimeSeconds ?? DEFAULT_TOKEN_MAX_LIFETIME_SECONDS;
    const from = typeof payload.iat === 'number' ? Math.min(payload.iat, nowSeconds) : nowSeconds;
    if ((payload.exp as number) - from > maxLifetime + DEFAULT_CLOCK_SKEW_SECONDS) {
      throw invalid(`The token lives longer than the ${maxLifetime / 3600} hours this ledger accepts (AUTH_TOKEN_MAX_LIFETIME)`);
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
    if (typeof payload.sub !== 'string' || payload.sub === '') throw invalid('The token has no subject (sub)');
    return { sub: payload.sub, roles };
  }
}

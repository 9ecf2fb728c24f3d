import * as path from 'node:path';
import { pence, type Pence } from '@ledger/domain';
import { ConfigError } from './config-error';
import { loadDecisionSupportConfig, type DecisionSupportConfig } from './decision-support-config';
import { parseRateBands, type RateBandOverrides } from './rate-bands';

/** All configuration, read once at start-up from the environment and validated. */
export interface LedgerConfig {
  readonly port: number;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly eventStoreConnectionString?: string;
  readonly redisUrl?: string;
  /** HS256 secret; when unset the API generates one into the data folder at first start. */
  readonly jwtSecret?: string;
  readonly jwksUrl?: string;
  readonly jwtIssuer?: string;
  readonly jwtAudience?: string;
  readonly seedDemo: boolean;
  readonly timeZone: string;
  /** Days before term end at which the renewal sweep flags a review due. */
  readonly reviewDueWithinDays: number;
  /** How long a command's response waits for the read models to catch up (read-your-writes). */
  readonly readYourWritesTimeoutMs: number;
  readonly logLevel: string;
  /** Weekly-rate bands overriding the defaults, by placement type (LEDGER_RATE_BANDS, JSON). */
  readonly rateBands: RateBandOverrides;
  /** RAG red: an overspend of at least this share of budget (basis points) or this amount, whichever is lower. */
  readonly ragRedBasisPoints: number;
  readonly ragRedPence: Pence;
  /** Cron patterns, in `timeZone`, for the scheduled jobs. */
  readonly renewalSweepCron: string;
  readonly weeklyReportCron: string;
  /** SMTP for review notifications (`smtp://user:pass@host:587`); unset: notifications go to the log and the in-app list. */
  readonly smtpUrl?: string;
  readonly smtpFrom: string;
  /** Mail domain for user ids that are not e-mail addresses themselves. */
  readonly notifyEmailDomain?: string;
  /** Whether the API process runs the scheduled jobs (false when a separate worker runs them). */
  readonly jobsInApi: boolean;
  /** How people sign in to the web pages (see `webSignIn`). */
  readonly webSignIn: WebSignInConfig;
  /** A web session ends after this long without a request, and this long after sign-in whatever happens. */
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteMinutes: number;
  /** On SIGTERM or SIGINT, how long requests in flight may take before their sockets are closed. */
  readonly shutdownGraceMs: number;
  /** Bearer tokens living longer than this (from their `iat`) are refused (AUTH_TOKEN_MAX_LIFETIME, e.g. 24h). */
  readonly tokenMaxLifetimeSeconds: number;
  /** In-house unit costs, the typical joint-funding share and the early-warning threshold (decision support). */
  readonly decisionSupport: DecisionSupportConfig;
}

/** Role names as an identity provider sends them, mapped to the ledger's roles. */
export type RoleMap = Readonly<Record<string, string>>;

export interface OidcSignInConfig {
  readonly kind: 'oidc';
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  /** The page the provider sends people back to: https://<host>/auth/callback. */
  readonly redirectUrl: string;
  /** The ID-token (or userinfo) claim holding the user's groups or roles. */
  readonly rolesClaim: string;
  readonly roleMap: RoleMap;
  readonly scopes: string;
  /** How the ledger authenticates to the token endpoint: the secret in the body (the default) or in a Basic header, or none. */
  readonly clientAuthMethod: 'client_secret_post' | 'client_secret_basic' | 'none';
}

/**
 * `oidc`: an identity provider (Entra ID, Okta, Keycloak). `local`: a chooser of demo users, for a trial
 * on the embedded store or when LEDGER_LOCAL_SIGN_IN=true. `none`: neither, so the web pages cannot start.
 */
export type WebSignInConfig = OidcSignInConfig | { readonly kind: 'local' } | { readonly kind: 'none' };

export { ConfigError };

type Env = Readonly<Record<string, string | undefined>>;

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = nonEmpty(env[name])?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false; it is "${raw}"`);
}

function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL (expected ${protocols.join(' or ')}//...)`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}//; it starts with ${parsed.protocol}//`);
  }
  return raw;
}

function cron(env: Env, name: string, fallback: string): string {
  const pattern = nonEmpty(env[name]) ?? fallback;
  if (!/^(\S+\s+){4}\S+$/.test(pattern)) throw new ConfigError(`${name} must be a five-field cron pattern such as "${fallback}"; it is "${pattern}"`);
  return pattern;
}

function timeZone(env: Env): string {
  const zone = nonEmpty(env.LEDGER_TIME_ZONE) ?? 'Europe/London';
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    throw new ConfigError(`LEDGER_TIME_ZONE "${zone}" is not an IANA time zone such as Europe/London`);
  }
  return zone;
}

function lifetime(env: Env, name: string, fallback: string): number {
  const raw = nonEmpty(env[name]) ?? fallback;
  const match = /^(\d{1,6})([mhd])$/.exec(raw);
  if (match === null || Number(match[1]) === 0) throw new ConfigError(`${name} must be a lifetime such as 90m, 24h or 7d; it is "${raw}"`);
  return Number(match[1]) * { m: 60, h: 3600, d: 86_400 }[match[2] as 'm' | 'h' | 'd'];
}

function roleMap(env: Env): RoleMap {
  const raw = nonEmpty(env.OIDC_ROLE_MAP);
  if (raw === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('OIDC_ROLE_MAP must be JSON such as {"Ledger.Commissioners":"commissioner"}');
  }
  const roles = ['commissioner', 'finance', 'manager', 'admin', 'scheduler'];
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)
    || !Object.values(parsed).every((role) => typeof role === 'string' && roles.includes(role))) {
    throw new ConfigError(`OIDC_ROLE_MAP must map claim values to the roles ${roles.join(', ')}`);
  }
  return parsed as RoleMap;
}

function clientAuthMethod(env: Env): OidcSignInConfig['clientAuthMethod'] {
  const methods = ['client_secret_post', 'client_secret_basic', 'none'] as const;
  const raw = nonEmpty(env.OIDC_CLIENT_AUTH_METHOD) ?? (nonEmpty(env.OIDC_CLIENT_SECRET) === undefined ? 'none' : 'client_secret_post');
  const method = methods.find((m) => m === raw);
  if (method === undefined) throw new ConfigError(`OIDC_CLIENT_AUTH_METHOD must be one of ${methods.join(', ')}; it is "${raw}"`);
  if (method !== 'none' && nonEmpty(env.OIDC_CLIENT_SECRET) === undefined) throw new ConfigError(`OIDC_CLIENT_AUTH_METHOD=${method} needs OIDC_CLIENT_SECRET`);
  return method;
}

function webSignIn(env: Env, embedded: boolean): WebSignInConfig {
  const issuer = url(env, 'OIDC_ISSUER', ['https:', 'http:']);
  if (issuer !== undefined) {
    const clientId = nonEmpty(env.OIDC_CLIENT_ID);
    const redirectUrl = url(env, 'OIDC_REDIRECT_URL', ['https:', 'http:']);
    if (clientId === undefined || redirectUrl === undefined) {
      throw new ConfigError('With OIDC_ISSUER set, also set OIDC_CLIENT_ID and OIDC_REDIRECT_URL (https://<this host>/auth/callback)');
    }
    return {
      kind: 'oidc', issuer, clientId, clientSecret: nonEmpty(env.OIDC_CLIENT_SECRET), redirectUrl,
      rolesClaim: nonEmpty(env.OIDC_ROLES_CLAIM) ?? 'roles', roleMap: roleMap(env), scopes: nonEmpty(env.OIDC_SCOPES) ?? 'openid profile email',
      clientAuthMethod: clientAuthMethod(env),
    };
  }
  return flag(env, 'LEDGER_LOCAL_SIGN_IN', embedded) ? { kind: 'local' } : { kind: 'none' };
}

export function loadConfig(env: Env = process.env, defaults: { seedDemo?: boolean } = {}): LedgerConfig {
  const jwtSecret = nonEmpty(env.AUTH_JWT_SECRET);
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('AUTH_JWT_SECRET must be at least 32 characters long');
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    dataDir: path.resolve(nonEmpty(env.LEDGER_DATA_DIR) ?? './data'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    eventStoreConnectionString: url(env, 'EVENTSTORE_CONNECTION_STRING', ['esdb:', 'esdb+discover:', 'kurrentdb:', 'kurrent:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    jwtSecret,
    jwksUrl: url(env, 'AUTH_JWKS_URL', ['https:', 'http:']),
    jwtIssuer: nonEmpty(env.AUTH_ISSUER),
    jwtAudience: nonEmpty(env.AUTH_AUDIENCE),
    seedDemo: flag(env, 'LEDGER_SEED_DEMO', defaults.seedDemo ?? false),
    timeZone: timeZone(env),
    reviewDueWithinDays: integer(env, 'LEDGER_REVIEW_DUE_WITHIN_DAYS', 7, 1, 28),
    readYourWritesTimeoutMs: integer(env, 'LEDGER_READ_YOUR_WRITES_TIMEOUT_MS', 5000, 0, 60000),
    logLevel: nonEmpty(env.LOG_LEVEL) ?? 'info',
    rateBands: parseRateBands(env.LEDGER_RATE_BANDS),
    ragRedBasisPoints: integer(env, 'LEDGER_RAG_RED_BASIS_POINTS', 500, 1, 10_000),
    ragRedPence: pence(integer(env, 'LEDGER_RAG_RED_PENCE', 10_000_000, 1, Number.MAX_SAFE_INTEGER)),
    renewalSweepCron: cron(env, 'LEDGER_RENEWAL_SWEEP_CRON', '0 7 * * *'),
    weeklyReportCron: cron(env, 'LEDGER_WEEKLY_REPORT_CRON', '0 8 * * 1'),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    smtpFrom: nonEmpty(env.SMTP_FROM) ?? 'placement-ledger@localhost',
    notifyEmailDomain: nonEmpty(env.LEDGER_NOTIFY_EMAIL_DOMAIN),
    jobsInApi: flag(env, 'LEDGER_JOBS_IN_API', true),
    webSignIn: webSignIn(env, nonEmpty(env.DATABASE_URL) === undefined && nonEmpty(env.EVENTSTORE_CONNECTION_STRING) === undefined),
    sessionIdleMinutes: integer(env, 'LEDGER_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteMinutes: integer(env, 'LEDGER_SESSION_ABSOLUTE_MINUTES', 10 * 60, 1, 7 * 24 * 60),
    shutdownGraceMs: integer(env, 'LEDGER_SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    tokenMaxLifetimeSeconds: lifetime(env, 'AUTH_TOKEN_MAX_LIFETIME', '24h'),
    decisionSupport: loadDecisionSupportConfig(env),
  };
}

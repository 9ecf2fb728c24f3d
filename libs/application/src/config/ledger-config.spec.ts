import * as path from 'node:path';
import { ConfigError } from './config-error';
import { loadConfig } from './ledger-config';

describe('configuration read from the environment', () => {
  it('gives defaults that run on a fresh machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000, dataDir: path.resolve('./data'), databaseUrl: undefined, redisUrl: undefined,
      seedDemo: false, timeZone: 'Europe/London', reviewDueWithinDays: 7, rateBands: {},
    });
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      PORT: '8080', LEDGER_DATA_DIR: '/tmp/ledger', DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379',
      EVENTSTORE_CONNECTION_STRING: 'esdb://h:2113?tls=false', AUTH_JWT_SECRET: 'x'.repeat(32), LEDGER_SEED_DEMO: 'true',
      LEDGER_TIME_ZONE: 'Europe/Dublin', LEDGER_RATE_BANDS: '{"U4":{"minPence":70000,"maxPence":450000}}',
    });
    expect(config).toMatchObject({
      port: 8080, dataDir: '/tmp/ledger', databaseUrl: 'postgres://u@h/db', redisUrl: 'redis://h:6379', seedDemo: true,
      timeZone: 'Europe/Dublin', rateBands: { U4: { minPence: 70000, maxPence: 450000 } },
    });
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['DATABASE_URL', 'mysql://h/db', /DATABASE_URL must start with postgres:/],
    ['REDIS_URL', 'not a url', /REDIS_URL is not a valid URL/],
    ['LEDGER_SEED_DEMO', 'maybe', /LEDGER_SEED_DEMO must be true or false/],
    ['LEDGER_TIME_ZONE', 'Mars/Olympus', /LEDGER_TIME_ZONE "Mars\/Olympus"/],
    ['AUTH_JWT_SECRET', 'short', /at least 32 characters/],
    ['LEDGER_RATE_BANDS', '{"U4":{"minPence":5,"maxPence":1}}', /minPence <= maxPence/],
  ])('refuses a wrong %s with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});

describe('how people sign in to the web pages, read from the environment', () => {
  const OIDC = { OIDC_ISSUER: 'https://login.council.example/tenant/v2.0', OIDC_CLIENT_ID: 'ledger', OIDC_REDIRECT_URL: 'https://ledger.council.example/auth/callback' };

  it('uses an OpenID provider when OIDC_ISSUER is set, with the default claim, scopes and no role map', () => {
    expect(loadConfig(OIDC).webSignIn).toEqual({
      kind: 'oidc', issuer: OIDC.OIDC_ISSUER, clientId: 'ledger', clientSecret: undefined, redirectUrl: OIDC.OIDC_REDIRECT_URL,
      rolesClaim: 'roles', roleMap: {}, scopes: 'openid profile email', clientAuthMethod: 'none',
    });
  });

  it('sends the client secret in the body by default, in a Basic header when asked, and refuses a method without a secret', () => {
    expect(loadConfig({ ...OIDC, OIDC_CLIENT_SECRET: 's3cret' }).webSignIn).toMatchObject({ clientAuthMethod: 'client_secret_post' });
    expect(loadConfig({ ...OIDC, OIDC_CLIENT_SECRET: 's3cret', OIDC_CLIENT_AUTH_METHOD: 'client_secret_basic' }).webSignIn).toMatchObject({ clientAuthMethod: 'client_secret_basic' });
    expect(() => loadConfig({ ...OIDC, OIDC_CLIENT_AUTH_METHOD: 'client_secret_basic' })).toThrow(/needs OIDC_CLIENT_SECRET/);
    expect(() => loadConfig({ ...OIDC, OIDC_CLIENT_SECRET: 's3cret', OIDC_CLIENT_AUTH_METHOD: 'private_key_jwt' })).toThrow(/OIDC_CLIENT_AUTH_METHOD must be one of/);
  });

  it('reads the client secret, the roles claim, the role map and the scopes', () => {
    const config = loadConfig({
      ...OIDC, OIDC_CLIENT_SECRET: 's3cret', OIDC_ROLES_CLAIM: 'groups', OIDC_SCOPES: 'openid profile groups',
      OIDC_ROLE_MAP: '{"ledger-commissioners":"commissioner","ledger-finance":"finance"}',
    });
    expect(config.webSignIn).toMatchObject({
      kind: 'oidc', clientSecret: 's3cret', rolesClaim: 'groups', scopes: 'openid profile groups',
      roleMap: { 'ledger-commissioners': 'commissioner', 'ledger-finance': 'finance' },
    });
  });

  it('prefers the provider to local sign-in even where local sign-in is asked for', () => {
    expect(loadConfig({ ...OIDC, LEDGER_LOCAL_SIGN_IN: 'true' }).webSignIn.kind).toBe('oidc');
  });

  it.each([
    ['OIDC_CLIENT_ID', { OIDC_ISSUER: OIDC.OIDC_ISSUER, OIDC_REDIRECT_URL: OIDC.OIDC_REDIRECT_URL }],
    ['OIDC_REDIRECT_URL', { OIDC_ISSUER: OIDC.OIDC_ISSUER, OIDC_CLIENT_ID: 'ledger' }],
    ['OIDC_CLIENT_ID', { OIDC_ISSUER: OIDC.OIDC_ISSUER, OIDC_CLIENT_ID: '  ', OIDC_REDIRECT_URL: OIDC.OIDC_REDIRECT_URL }],
  ])('refuses an issuer without %s, saying to set it', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`set .*${name}`));
  });

  it.each([
    ['OIDC_ISSUER', { ...OIDC, OIDC_ISSUER: 'login.council.example' }, /OIDC_ISSUER is not a valid URL/],
    ['OIDC_ISSUER', { ...OIDC, OIDC_ISSUER: 'ftp://login.council.example' }, /OIDC_ISSUER must start with https: or http:/],
    ['OIDC_REDIRECT_URL', { ...OIDC, OIDC_REDIRECT_URL: '/auth/callback' }, /OIDC_REDIRECT_URL is not a valid URL/],
  ])('refuses a wrong %s with a message naming it', (_name, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    ['not JSON', '{ledger-commissioners: commissioner}', /OIDC_ROLE_MAP must be JSON/],
    ['an array', '["commissioner"]', /OIDC_ROLE_MAP must map claim values to the roles/],
    ['a role the ledger does not have', '{"ledger-superusers":"root"}', /OIDC_ROLE_MAP must map claim values to the roles commissioner, finance/],
    ['a value that is not a string', '{"ledger-finance":["finance"]}', /OIDC_ROLE_MAP must map claim values/],
    ['a bare string', '"commissioner"', /OIDC_ROLE_MAP must map claim values/],
  ])('refuses an OIDC_ROLE_MAP that is %s', (_what, value, message) => {
    expect(() => loadConfig({ ...OIDC, OIDC_ROLE_MAP: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...OIDC, OIDC_ROLE_MAP: value })).toThrow(message);
  });

  it('offers local sign-in by default on the embedded store, for a trial', () => {
    expect(loadConfig({}).webSignIn).toEqual({ kind: 'local' });
  });

  it.each([
    ['DATABASE_URL', 'postgres://u@h/db'],
    ['EVENTSTORE_CONNECTION_STRING', 'esdb://h:2113?tls=false'],
  ])('offers no sign-in by default with %s set, until local sign-in is asked for', (name, value) => {
    expect(loadConfig({ [name]: value }).webSignIn).toEqual({ kind: 'none' });
    expect(loadConfig({ [name]: value, LEDGER_LOCAL_SIGN_IN: 'true' }).webSignIn).toEqual({ kind: 'local' });
  });

  it('lets a trial on the embedded store switch local sign-in off', () => {
    expect(loadConfig({ LEDGER_LOCAL_SIGN_IN: 'false' }).webSignIn).toEqual({ kind: 'none' });
    expect(() => loadConfig({ LEDGER_LOCAL_SIGN_IN: 'sometimes' })).toThrow(/LEDGER_LOCAL_SIGN_IN must be true or false/);
  });

  it('ends sessions after 30 idle minutes and 10 hours by default, or as configured', () => {
    expect(loadConfig({})).toMatchObject({ sessionIdleMinutes: 30, sessionAbsoluteMinutes: 600 });
    expect(loadConfig({ LEDGER_SESSION_IDLE_MINUTES: '15', LEDGER_SESSION_ABSOLUTE_MINUTES: '1' })).toMatchObject({ sessionIdleMinutes: 15, sessionAbsoluteMinutes: 1 });
    expect(() => loadConfig({ LEDGER_SESSION_ABSOLUTE_MINUTES: '0' })).toThrow(/LEDGER_SESSION_ABSOLUTE_MINUTES must be a whole number from 1/);
  });
});

describe('how long a bearer token may live', () => {
  it('is 24 hours unless AUTH_TOKEN_MAX_LIFETIME says otherwise, in minutes, hours or days', () => {
    expect(loadConfig({}).tokenMaxLifetimeSeconds).toBe(86_400);
    expect(loadConfig({ AUTH_TOKEN_MAX_LIFETIME: '90m' }).tokenMaxLifetimeSeconds).toBe(5400);
    expect(loadConfig({ AUTH_TOKEN_MAX_LIFETIME: '7d' }).tokenMaxLifetimeSeconds).toBe(604_800);
    expect(() => loadConfig({ AUTH_TOKEN_MAX_LIFETIME: 'forever' })).toThrow(/AUTH_TOKEN_MAX_LIFETIME must be a lifetime such as 90m, 24h or 7d/);
    expect(() => loadConfig({ AUTH_TOKEN_MAX_LIFETIME: '0h' })).toThrow(/AUTH_TOKEN_MAX_LIFETIME/);
  });
});

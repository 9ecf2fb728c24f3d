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

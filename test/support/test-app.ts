import type { NestExpressApplication } from '@nestjs/platform-express';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { issueToken, loadConfig, ManualClock, openLedgerRuntime, type LedgerRuntime, type Role } from '@ledger/application';
import { createApp } from '../../apps/api/src/create-app';
import { createTestDatabase } from './postgres';

export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly runtime: LedgerRuntime;
  readonly clock: ManualClock;
  readonly http: ReturnType<typeof request>;
  token(roles: Role[], sub?: string): Promise<string>;
  /** Every event in the store, for "nothing was appended" assertions. */
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

/** Extra environment for `loadConfig` (OIDC_*, LEDGER_SESSION_*), on top of the test's own. */
export type TestEnv = Readonly<Record<string, string | undefined>>;

/** The API on a fresh store: `embedded` (PGlite in a temp folder) or `postgres` (a throwaway database). */
export async function startTestApp(store: 'embedded' | 'postgres' = 'embedded', now = '2026-11-23T10:00:00Z', env: TestEnv = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-'));
  const database = store === 'postgres' ? await createTestDatabase() : undefined;
  const config = loadConfig({ LEDGER_DATA_DIR: dataDir, AUTH_JWT_SECRET: TEST_SECRET, DATABASE_URL: database?.url, LOG_LEVEL: 'silent', ...env });
  const clock = new ManualClock(new Date(now));
  const runtime = await openLedgerRuntime(config, clock);
  const app = await createApp(runtime, TEST_SECRET, { logs: false });
  await app.init();
  return {
    app, runtime, clock,
    http: request(app.getHttpServer()),
    token: (roles, sub = `user-${roles.join('-')}`) => issueToken(TEST_SECRET, { sub, roles }),
    eventCount: async () => (await runtime.eventStore.countEvents()) ?? (await runtime.eventStore.readAll({ limit: 1_000_000 })).length,
    close: async () => {
      await app.close();
      await runtime.close();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

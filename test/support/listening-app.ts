import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { issueToken, loadConfig, ManualClock, openLedgerRuntime, type LedgerRuntime, type Role } from '@ledger/application';
import { createApp } from '../../apps/api/src/create-app';
import { createTestDatabase } from './postgres';
import { TEST_SECRET } from './test-app';

/** A warning the API logged (a 503 and its cause, say), with when. */
export interface LoggedWarning {
  readonly at: number;
  readonly msg: string;
  readonly cause?: string;
}

/** The API in this process, listening on a free port of 127.0.0.1 for real HTTP clients. */
export interface ListeningApp {
  readonly base: string;
  readonly runtime: LedgerRuntime;
  /** The PostgreSQL database's name, to cut it. */
  readonly databaseName: string;
  readonly warnings: readonly LoggedWarning[];
  bearer(roles: Role[]): Promise<string>;
  close(): Promise<void>;
}

/** The innermost message of a logged error: what the driver said. */
function causeOf(err: { message?: string; code?: string; cause?: unknown } | undefined): string | undefined {
  let current = err;
  let found: string | undefined;
  for (let depth = 0; depth < 5 && current !== undefined; depth++) {
    if (typeof current.message === 'string') found = `${current.message}${current.code === undefined ? '' : ` (${current.code})`}`;
    current = current.cause as typeof current;
  }
  return found;
}

/** Starts the API on a throwaway PostgreSQL database, logging warnings (and the causes of 503s) for the caller to read. */
export async function startListeningApp(now = '2026-11-23T10:00:00Z'): Promise<ListeningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-listening-'));
  const database = await createTestDatabase();
  const config = loadConfig({ LEDGER_DATA_DIR: dataDir, AUTH_JWT_SECRET: TEST_SECRET, DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
  const runtime = await openLedgerRuntime(config, new ManualClock(new Date(now)));
  const warnings: LoggedWarning[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter((l) => l.trim() !== '')) {
      const entry = JSON.parse(line) as { msg?: string; err?: { message?: string; code?: string; cause?: unknown } };
      warnings.push({ at: Date.now(), msg: entry.msg ?? '', cause: causeOf(entry.err) });
    }
  });
  const app = await createApp(runtime, TEST_SECRET, { logStream });
  await app.listen(0, '127.0.0.1');
  return {
    base: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`,
    runtime, warnings,
    databaseName: new URL(database.url).pathname.slice(1),
    bearer: async (roles) => `Bearer ${await issueToken(TEST_SECRET, { sub: `user-${roles.join('-')}`, roles })}`,
    close: async () => {
      await app.close();
      await runtime.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

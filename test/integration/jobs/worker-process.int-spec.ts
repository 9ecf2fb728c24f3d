import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase } from '../../support/postgres';
import { testRedis } from '../../support/redis';

const WORKER = path.resolve(__dirname, '../../../dist/apps/worker/src/main.js');

function runWorker(env: Record<string, string | undefined>, stopWhen?: RegExp): Promise<{ code: number | null; output: string }> {
  if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing: npm test builds it (npm run build)`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WORKER], { env: { PATH: process.env.PATH, LEDGER_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-worker-')), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      if (stopWhen?.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the worker process', () => {
  it('starts on PostgreSQL and Redis, says what it runs, and stops cleanly on SIGTERM', async () => {
    const database = await createTestDatabase();
    try {
      const { code, output } = await runWorker({ DATABASE_URL: database.url, REDIS_URL: testRedis().url, AUTH_JWT_SECRET: 'x'.repeat(32) }, /Worker running/);
      expect(output).toContain('Worker running: read models on postgres, jobs on BullMQ (renewal sweep "0 7 * * *", weekly report "0 8 * * 1", Europe/London)');
      expect(code).toBe(0);
    } finally {
      await database.drop();
    }
  });

  it('refuses to start without a store another process can share, saying what to set', async () => {
    const { code, output } = await runWorker({ REDIS_URL: testRedis().url });
    expect(code).toBe(1);
    expect(output).toContain('set DATABASE_URL');
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { issueToken, loadConfig, ManualClock, openLedgerRuntime, type LedgerRuntime } from '@ledger/application';
import { createApp } from '../../apps/api/src/create-app';
import { requestBody } from '../support/placement-fixtures';
import { eventually } from '../support/eventually';
import { TEST_SECRET } from '../support/test-app';

/** The API with its real logger, writing into a buffer the test reads. */
describe('the log when the database refuses a write', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-logs-'));
  const lines: string[] = [];
  let runtime: LedgerRuntime;
  let app: NestExpressApplication;

  beforeAll(async () => {
    const config = loadConfig({ LEDGER_DATA_DIR: dataDir, AUTH_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'info' });
    runtime = await openLedgerRuntime(config, new ManualClock(new Date('2026-11-23T10:00:00Z')));
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter((line) => line !== '')));
    app = await createApp(runtime, TEST_SECRET, { logStream: stream });
    await app.init();
    app.flushLogs(); // as listen() does in main.ts: logs buffered during start-up now go to the logger
  });
  afterAll(async () => {
    await app.close();
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs the failure with its code, but not the event, the SQL parameters or the query string', async () => {
    // Every new event now breaks a constraint: the append fails inside the database with the event as a parameter.
    await runtime.database.query('ALTER TABLE ledger_events ADD CONSTRAINT refuse_everything CHECK (false) NOT VALID');
    const bearer = `Bearer ${await issueToken(TEST_SECRET, { sub: 'commissioner-amrit', roles: ['commissioner'] })}`;
    const body = requestBody({ childRef: 'LAC-SECR3T', needs: ['mental health', 'Reason: disclosed abuse'] });
    const res = await request(app.getHttpServer()).post('/api/placements?childRef=LAC-SECR3T').set('Authorization', bearer).send(body);
    expect(res.status).toBe(500);
    await eventually(async () => { if (!lines.some((line) => line.includes('Unhandled error'))) throw new Error(`not logged yet:\n${lines.join('\n')}`); }, 5000);
    const log = lines.join('\n');
    expect(log).toMatch(/"code":"23514"/);
    expect(log).not.toContain('LAC-SECR3T');
    expect(log).not.toContain('mental health');
    expect(log).not.toContain('disclosed abuse');
    expect(log).not.toMatch(/authorization/i);
  });
});

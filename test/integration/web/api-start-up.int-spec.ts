import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase } from '../../support/postgres';

const API = path.resolve(__dirname, '../../../dist/apps/api/src/main.js');

/** Starts the built API with only the given settings; stops it once its output matches `stopWhen`. */
function runApi(env: Record<string, string | undefined>, stopWhen?: RegExp): Promise<{ code: number | null; output: string }> {
  if (!fs.existsSync(API)) throw new Error(`${API} is missing: npm test builds it (npm run build)`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [API], {
      env: { PATH: process.env.PATH, LEDGER_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-api-')), PORT: '0', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stopped = false;
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      if (!stopped && stopWhen?.test(output)) {
        stopped = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('the API process and the web sign-in it needs', () => {
  it('refuses to start on PostgreSQL with neither an identity provider nor local sign-in, naming what to set', async () => {
    const database = await createTestDatabase();
    try {
      const { code, output } = await runApi({ DATABASE_URL: database.url, AUTH_JWT_SECRET: 'x'.repeat(32) });
      expect(code).toBe(1);
      expect(output).toContain('Set OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URL');
      expect(output).toContain('LEDGER_LOCAL_SIGN_IN=true');
    } finally {
      await database.drop();
    }
  });

  it('starts on PostgreSQL with local sign-in asked for, prints the address first, and no token (the secret is configured)', async () => {
    const database = await createTestDatabase();
    try {
      const { code, output } = await runApi({ DATABASE_URL: database.url, AUTH_JWT_SECRET: 'x'.repeat(32), LEDGER_LOCAL_SIGN_IN: 'true' }, /More tokens/);
      expect(code).toBe(0);
      expect(output.trimStart()).toMatch(/^Open the placement ledger: {2}http:\/\/localhost:0\//);
      expect(output).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    } finally {
      await database.drop();
    }
  });

  it('prints a bearer token only for the local demo on the embedded store', async () => {
    const { code, output } = await runApi({}, /More tokens/);
    expect(code).toBe(0);
    expect(output).toMatch(/A 12-hour API token for the demo user[^\n]*\n\s+eyJ[\w-]+\.[\w-]+\.[\w-]+/);
  });
});

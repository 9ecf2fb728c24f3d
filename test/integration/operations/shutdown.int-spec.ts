import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually } from '../../support/eventually';
import { API, startApiProcess as start } from '../../support/api-process';
import { freePort } from '../../support/own-redis';
import { idleClient, refusesConnections, stalledClient } from '../../support/raw-clients';

describe('stopping the API', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-shutdown-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('exits 0 within the grace period despite an idle and a stalled client and a second SIGTERM, and leaves no lock behind', async () => {
    if (!fs.existsSync(API)) throw new Error(`${API} is missing: npm test builds it`);
    const dir = dataDir();
    const port = await freePort();
    const env = { LEDGER_DATA_DIR: dir, PORT: String(port), LEDGER_SHUTDOWN_GRACE_MS: '1500' };
    const api = await start(process.execPath, [API], env);
    const sockets = [await idleClient(port), await stalledClient(port)];
    api.child.kill('SIGTERM');
    await eventually(async () => { if (!api.output().includes('closing the ledger cleanly')) throw new Error('not closing yet'); });
    api.child.kill('SIGTERM');
    await expect(api.exited).resolves.toEqual({ code: 0, signal: null });
    expect(api.output()).toContain('SIGTERM again: already closing');
    sockets.forEach((socket) => socket.destroy());
    // The folder is free: the next start takes it and serves.
    const again = await start(process.execPath, [API], env);
    again.child.kill('SIGINT');
    await expect(again.exited).resolves.toEqual({ code: 0, signal: null });
  }, 60_000);

  it('under `npm start`, a SIGTERM to npm alone stops the server too: the port and the folder are free afterwards', async () => {
    const dir = dataDir();
    const port = await freePort();
    const env = { LEDGER_DATA_DIR: dir, PORT: String(port), LEDGER_SEED_DEMO: 'false', LEDGER_SHUTDOWN_GRACE_MS: '1500' };
    const npm = await start('npm', ['start', '--silent'], env);
    npm.child.kill('SIGTERM');
    await npm.exited;
    await eventually(async () => { if (!(await refusesConnections(port))) throw new Error(`port ${port} still answers: the server outlived npm`); });
    const again = await start(process.execPath, [API], env);
    again.child.kill('SIGTERM');
    await expect(again.exited).resolves.toEqual({ code: 0, signal: null });
  }, 90_000);
});

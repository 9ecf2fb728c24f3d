import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, ManualClock, openLedgerRuntime, seedDemoCouncil } from '@ledger/application';
import { rebuildReadModels } from '@ledger/projections';
import { createTestDatabase } from '../../support/postgres';
import { readModelSnapshot } from '../../support/read-models';

const CHILD = path.resolve(__dirname, '../../../dist/test/support/projector-child.js');

/** Starts the projector in its own process and SIGKILLs it after `batches` committed batches. */
function projectThenKill(dataDir: string, databaseUrl: string | undefined, batches: number): Promise<void> {
  if (!fs.existsSync(CHILD)) throw new Error(`${CHILD} is missing: npm test builds it (npm run build)`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dataDir, databaseUrl ?? ''], { stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = 0;
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString().split('batch').length - 1;
      if (seen >= batches) child.kill('SIGKILL');
    });
    child.on('exit', (_, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`projector exited before the kill: ${errors}`))));
  });
}

describe.each(['embedded', 'postgres'] as const)('a projector killed part-way on the %s store', (kind) => {
  it('ends, after restarting, with the read models a clean rebuild gives', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-kill-'));
    const database = kind === 'postgres' ? await createTestDatabase() : undefined;
    const config = loadConfig({ LEDGER_DATA_DIR: dataDir, DATABASE_URL: database?.url, AUTH_JWT_SECRET: 'x'.repeat(32) });
    const open = () => openLedgerRuntime(config, new ManualClock(new Date('2026-11-23T12:00:00Z')), { startProjections: false });
    try {
      let runtime = await open();
      const seeded = await seedDemoCouncil(runtime, '2026-11-23', 5);
      await runtime.close();
      // Killed three times at different points, each restart resuming from the last committed checkpoint.
      for (const batches of [7, 61, 150]) await projectThenKill(dataDir, database?.url, batches);
      runtime = await open();
      try {
        await runtime.projections.start();
        expect(await runtime.projections.waitFor(seeded.lastPosition as string, 60_000)).toBe(true);
        await runtime.projections.stop();
        const restarted = await readModelSnapshot(runtime);
        await rebuildReadModels(runtime.eventStore, runtime.projections);
        expect(restarted.summary.length).toBeGreaterThan(50);
        expect(restarted).toEqual(await readModelSnapshot(runtime));
      } finally {
        await runtime.close();
      }
    } finally {
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

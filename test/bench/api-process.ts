import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { LedgerRuntime } from '@ledger/application';
import { createApp } from '../../apps/api/src/create-app';

/** An API the benchmark sends requests to; `stop` answers its peak resident memory when it had a process of its own. */
export interface BenchApi {
  readonly base: string;
  stop(): Promise<number | undefined>;
}

/** The built API (`dist/apps/api/src/main.js`) in a process of its own, on a free port, without scheduled jobs. */
export async function startApi(env: Record<string, string>): Promise<BenchApi> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const main = path.join(__dirname, '..', '..', 'apps', 'api', 'src', 'main.js');
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'silent', LEDGER_JOBS_IN_API: 'false', LEDGER_LOCAL_SIGN_IN: 'true', LEDGER_SEED_DEMO: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode} before it answered`);
    if (waited > 120_000) throw new Error('the API did not answer /health within 2 minutes');
    const healthy = await fetch(`${base}/health`).then((res) => res.ok, () => false);
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    base,
    async stop() {
      const peak = peakResidentMiB(child.pid);
      child.kill('SIGTERM');
      const killing = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killing);
      return peak;
    },
  };
}

/** The API served from the benchmark's own process (the embedded store's folder can be open in one process only). */
export async function apiInThisProcess(runtime: LedgerRuntime, secret: string): Promise<BenchApi> {
  await runtime.projections.start();
  const app = await createApp(runtime, secret, { logs: false });
  await app.listen(0, '127.0.0.1');
  return {
    base: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`,
    async stop() {
      await app.close();
      return undefined;
    },
  };
}

/** VmHWM of a process: the most it has held resident, MiB. */
function peakResidentMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  return kib === undefined ? undefined : Number(kib) / 1024;
}

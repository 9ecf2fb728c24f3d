import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openEventStorage } from '@ledger/event-store';
import { ledgerPages, measureAppends, measureScan, type Appender, type PageReader } from './append.bench';
import { openEmmettPeer } from './emmett-peer';

/**
 * One side of the comparison with the peer, in a process of its own: `node peer-side.js <ledger|peer>
 * <database url> <job as JSON>` prints its figures as JSON and exits. A fresh process for every run
 * puts both stores on the same footing (no warm caches, no shared heap) and lets the process's exit
 * close whatever connections the peer leaves open.
 */
export interface SideJob {
  readonly kind: 'append' | 'scan';
  readonly appends: number;
  readonly writers: number;
  readonly perAppend: number;
  /** Events appended first, unmeasured. */
  readonly preloaded: number;
}

async function open(side: string, url: string, dataDir: string): Promise<Appender & PageReader & { close(): Promise<void> }> {
  if (side === 'peer') return openEmmettPeer(url);
  const storage = await openEventStorage({ dataDir, databaseUrl: url });
  return { append: (s, e, ev) => storage.eventStore.append(s, e, ev), ...ledgerPages(storage.eventStore), close: () => storage.close() };
}

async function main(): Promise<void> {
  const [side, url, jobJson] = process.argv.slice(2);
  const job = JSON.parse(jobJson) as SideJob;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-side-'));
  const store = await open(side, url, dataDir);
  try {
    if (job.preloaded > 0) await measureAppends(store, 'preload', { appends: job.preloaded / 50, writers: 4, perAppend: 50 });
    // Unmeasured, at the job's own concurrency: connections opened and code warmed, for either side alike.
    await measureAppends(store, 'warm-up', { appends: 20 * Math.max(job.writers, 1), writers: Math.max(job.writers, 1), perAppend: 1 });
    const figures = job.kind === 'scan' ? await measureScan(store) : await measureAppends(store, side, job);
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(() => process.exit(0), (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}

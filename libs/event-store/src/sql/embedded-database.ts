import { PGlite } from '@electric-sql/pglite';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SqlDatabase, SqlExecutor } from './sql-database';

const LOCK_FILE = 'ledger.lock';

export class DataFolderLockedError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`The data folder ${dataDir} is in use by process ${pid}; stop it first (two processes on one folder would lose writes)`);
    this.name = 'DataFolderLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Nothing in PGlite stops two processes opening one folder, and one of them then loses writes
 * silently: a lock file with the owner's pid refuses the second; a dead owner's lock is taken over.
 */
export function acquireFolderLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) throw new DataFolderLockedError(dataDir, pid);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}`);
}

/**
 * PostgreSQL compiled to WebAssembly, in-process, persisted to `dataDir/pglite`. It does not fsync:
 * it survives a killed process, not a power cut.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<SqlDatabase> {
  const release = acquireFolderLock(dataDir);
  let db: PGlite;
  try {
    db = new PGlite(path.join(dataDir, 'pglite'));
    await db.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const run = async <R>(executor: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]): Promise<R[]> =>
    (await executor.query<R>(sql, params as unknown[] | undefined)).rows;
  let closed = false;
  return {
    kind: 'embedded',
    query: (sql, params) => run(db, sql, params),
    transaction: (work) => db.transaction((tx) => work({ query: (sql, params) => run(tx, sql, params) } satisfies SqlExecutor)),
    async listen(channel, onNotify) {
      const unsubscribe = await db.listen(channel, () => onNotify());
      return async () => {
        if (!closed) await unsubscribe();
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}

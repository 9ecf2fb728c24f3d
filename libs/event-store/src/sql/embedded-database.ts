import { PGlite } from '@electric-sql/pglite';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { acquireFolderLock } from './folder-lock';
import type { SqlDatabase, SqlExecutor } from './sql-database';

export interface EmbeddedDatabaseOptions {
  /**
   * A `dumpDataDir()` to start a *new* folder from instead of initialising one (about 0.8 s
   * against 2–5 s); ignored when the folder already holds a database. For tests.
   */
  readonly template?: Blob;
}

/**
 * PostgreSQL compiled to WebAssembly, in-process, persisted to `dataDir/pglite`, with the folder
 * lock in `dataDir/ledger.lock`. It does not fsync: it survives a killed process, not a power cut.
 * The apps call `close()` on SIGINT/SIGTERM; it releases the lock.
 */
export async function openEmbeddedDatabase(dataDir: string, options: EmbeddedDatabaseOptions = {}): Promise<SqlDatabase> {
  const release = acquireFolderLock(dataDir);
  const folder = path.join(dataDir, 'pglite');
  let db: PGlite;
  try {
    const isNew = !fs.existsSync(path.join(folder, 'PG_VERSION'));
    db = new PGlite(folder, isNew && options.template !== undefined ? { loadDataDir: options.template } : {});
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

/** A fresh PGlite's data folder as a dump, to start test databases from (see `template`). */
export async function createEmbeddedTemplate(): Promise<Blob> {
  const db = new PGlite();
  try {
    await db.waitReady;
    return await db.dumpDataDir('none');
  } finally {
    await db.close();
  }
}

import { PGlite } from '@electric-sql/pglite';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { acquireFolderLock } from './folder-lock';
import { copyStatement, type SqlDatabase, type SqlExecutor } from './sql-database';

export interface EmbeddedDatabaseOptions {
  /**
   * A `dumpDataDir()` to start a *new* folder from instead of initialising one (about 0.8 s
   * against 2–5 s); ignored when the folder already holds a database. For tests.
   */
  readonly template?: Blob;
}

/**
 * PostgreSQL's buffer cache inside the WebAssembly heap, which never gives memory back: 32 MB rather than
 * PostgreSQL's default 128 MB (a process holds about 190 MiB for PGlite instead of about 300). The files
 * beneath are in the operating system's cache as well, and a council's ledger is tens of megabytes.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

/**
 * Creates a new database folder in a short-lived process of its own. Initialising one grows PGlite's
 * WebAssembly heap to about 800 MiB, which a process never gets back; opening the folder made elsewhere
 * costs this process about 190. The folder is made beside its place and renamed into it once complete,
 * so a start cut short leaves no half-made database behind.
 */
async function initialiseApart(folder: string): Promise<void> {
  const making = `${folder}.new-${process.pid}`;
  fs.rmSync(making, { recursive: true, force: true });
  const script = `const { PGlite } = require(process.argv[1]);
    (async () => { const db = new PGlite(process.argv[2]); await db.waitReady; await db.close(); })()
      .catch((error) => { console.error(error); process.exit(1); });`;
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, ['-e', script, require.resolve('@electric-sql/pglite'), making], (error, _stdout, stderr) =>
      (error === null ? resolve() : reject(new Error(`Could not create the embedded database in ${folder}: ${stderr || error.message}`))));
  });
  fs.rmSync(folder, { recursive: true, force: true });
  fs.renameSync(making, folder);
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
    if (isNew && options.template === undefined) await initialiseApart(folder);
    db = new PGlite(folder, { startParams: START_PARAMS, ...(isNew && options.template !== undefined ? { loadDataDir: options.template } : {}) });
    await db.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const run = async <R>(executor: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]): Promise<R[]> =>
    (await executor.query<R>(sql, params as unknown[] | undefined)).rows;
  // PGlite reads COPY's input from a Blob it names '/dev/blob'.
  const copy = async (executor: Pick<PGlite, 'query'>, table: string, columns: readonly string[], rows: string): Promise<void> => {
    await executor.query(copyStatement(table, columns, `'/dev/blob'`), [], { blob: new Blob([rows]) });
  };
  let closed = false;
  return {
    kind: 'embedded',
    query: (sql, params) => run(db, sql, params),
    copyRows: (table, columns, rows) => copy(db, table, columns, rows),
    transaction: (work) => db.transaction((tx) => work({
      query: (sql, params) => run(tx, sql, params), copyRows: (table, columns, rows) => copy(tx, table, columns, rows),
    } satisfies SqlExecutor)),
    async listen(channel, onNotify) {
      const unsubscribe = await db.listen(channel, (payload) => onNotify(payload));
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

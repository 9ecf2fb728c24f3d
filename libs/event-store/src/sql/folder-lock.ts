import * as fs from 'node:fs';
import * as path from 'node:path';

export const LOCK_FILE = 'ledger.lock';

export class DataFolderLockedError extends Error {
  readonly code = 'data-folder-locked';
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

const readPid = (file: string): number => Number(fs.readFileSync(file, 'utf8').trim());

/**
 * Nothing in PGlite stops two processes opening one folder, and one of them then loses writes
 * silently: a lock file holding the owner's pid refuses the second; a dead owner's lock is taken over.
 * The lock appears with its pid already inside (written aside, then hard-linked into place), so a
 * reader never sees it empty; a stale lock is moved aside before it is judged, so two processes
 * taking over the same stale lock cannot both win. Resolves to the function that releases it.
 */
export function acquireFolderLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const mine = `${file}.${process.pid}.${Date.now()}`;
  fs.writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (place(mine, file)) return () => fs.rmSync(file, { force: true });
      const holder = readPidOrUndefined(file);
      if (holder !== undefined && isAlive(holder)) throw new DataFolderLockedError(dataDir, holder);
      takeOverStale(file, holder);
    }
    throw new Error(`Could not take the lock file ${file}; is another process starting on ${dataDir}?`);
  } finally {
    fs.rmSync(mine, { force: true });
  }
}

/** True when the lock file was created holding our pid; false when one exists already. */
function place(mine: string, file: string): boolean {
  try {
    fs.linkSync(mine, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
  }
  // A file system without hard links: exclusive create, with a moment where the file is empty.
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readPidOrUndefined(file: string): number | undefined {
  try {
    const pid = readPid(file);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Moves the lock aside; if what was moved is not the dead owner's lock we judged, puts it back. */
function takeOverStale(file: string, stalePid: number | undefined): void {
  const aside = `${file}.stale.${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readPidOrUndefined(aside);
  if (moved !== stalePid && moved !== undefined && isAlive(moved)) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // Someone holds the lock again either way; the next attempt reports them.
    }
  }
  fs.rmSync(aside, { force: true });
}

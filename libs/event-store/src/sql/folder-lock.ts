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

/**
 * Who holds a lock: the pid, and where the system tells (Linux /proc), the kernel's boot id and the
 * process's start time, so a pid reused by another process, or after a reboot or a container restart
 * (where ids repeat), is not mistaken for the holder. Old locks hold the pid alone.
 */
export interface LockHolder {
  readonly pid: number;
  readonly bootId?: string;
  readonly startedAt?: string;
}

function readProc(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat: the process's start, in clock ticks after boot (the name in field 2 may hold spaces). */
function startTimeOf(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

export function lockHolderFor(pid: number): LockHolder {
  const bootId = readProc('/proc/sys/kernel/random/boot_id');
  const startedAt = startTimeOf(pid);
  return { pid, ...(bootId === undefined ? {} : { bootId }), ...(startedAt === undefined ? {} : { startedAt }) };
}

/** Lock files this process holds now: a lock naming our pid that is not among them was left by an earlier life. */
const heldHere = new Set<string>();

function isHeld(file: string, holder: LockHolder): boolean {
  if (holder.pid === process.pid) return heldHere.has(file);
  if (!isAlive(holder.pid)) return false;
  const now = lockHolderFor(holder.pid);
  if (holder.bootId !== undefined && now.bootId !== undefined && holder.bootId !== now.bootId) return false;
  if (holder.startedAt !== undefined && now.startedAt !== undefined && holder.startedAt !== now.startedAt) return false;
  return true;
}

function parseHolder(text: string): LockHolder | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const parsed = JSON.parse(trimmed) as Partial<LockHolder>;
    return Number.isInteger(parsed.pid) && (parsed.pid as number) > 0 ? (parsed as LockHolder) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Nothing in PGlite stops two processes opening one folder, and one of them then loses writes
 * silently: a lock file naming its holder refuses the second; a lock whose holder is gone (dead, or its
 * pid now another process's, or our own pid from an earlier life) is taken over.
 * The lock appears with its pid already inside (written aside, then hard-linked into place), so a
 * reader never sees it empty; a stale lock is moved aside before it is judged, so two processes
 * taking over the same stale lock cannot both win. Resolves to the function that releases it.
 */
export function acquireFolderLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const mine = `${file}.${process.pid}.${Date.now()}`;
  const content = JSON.stringify(lockHolderFor(process.pid));
  fs.writeFileSync(mine, content);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (place(mine, file, content)) {
        heldHere.add(file);
        return () => {
          heldHere.delete(file);
          fs.rmSync(file, { force: true });
        };
      }
      const holder = readHolder(file);
      if (holder !== undefined && isHeld(file, holder)) throw new DataFolderLockedError(dataDir, holder.pid);
      takeOverStale(file, holder);
    }
    throw new Error(`Could not take the lock file ${file}; is another process starting on ${dataDir}?`);
  } finally {
    fs.rmSync(mine, { force: true });
  }
}

/** True when the lock file was created holding who we are; false when one exists already. */
function place(mine: string, file: string, content: string): boolean {
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
    fs.writeFileSync(file, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return parseHolder(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Moves the lock aside; if what was moved is not the stale lock we judged but a live holder's, puts it back. */
function takeOverStale(file: string, stale: LockHolder | undefined): void {
  const aside = `${file}.stale.${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readHolder(aside);
  if (moved !== undefined && JSON.stringify(moved) !== JSON.stringify(stale) && isHeld(file, moved)) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // Someone holds the lock again either way; the next attempt reports them.
    }
  }
  fs.rmSync(aside, { force: true });
}

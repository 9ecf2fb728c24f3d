import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataFolderLockedError, LOCK_FILE, lockHolderFor, openEmbeddedDatabase, openEventStorage, SqlEventStore } from '@ledger/event-store';
import { createTestEmbeddedDatabase, embeddedTemplate, tempDataDir } from '../../support/embedded';
import { describeEventStoreContract } from './event-store.contract';
import { newEvent } from './event-store.fixtures';

describeEventStoreContract('embedded (PGlite)', async () => {
  const { db, drop } = await createTestEmbeddedDatabase();
  const store = await SqlEventStore.open(db);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await drop();
    },
  };
});

const lockFile = (dataDir: string) => path.join(dataDir, LOCK_FILE);

describe('an embedded data folder locked by another live process', () => {
  it('refuses to open, naming the folder and the process', async () => {
    const dataDir = tempDataDir();
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(lockFile(dataDir), String(holder.pid));
      await expect(openEmbeddedDatabase(dataDir)).rejects.toThrow(DataFolderLockedError);
      await expect(openEmbeddedDatabase(dataDir)).rejects.toThrow(`The data folder ${dataDir} is in use by process ${holder.pid}`);
      expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(String(holder.pid));
    } finally {
      holder.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('an embedded data folder already open in this process', () => {
  it('refuses a second opening until the first is closed, which releases the lock', async () => {
    const { db, dataDir, drop } = await createTestEmbeddedDatabase();
    try {
      await expect(openEmbeddedDatabase(dataDir)).rejects.toThrow(`${dataDir} is in use by process ${process.pid}`);
    } finally {
      await drop();
    }
    expect(fs.existsSync(lockFile(dataDir))).toBe(false);
    await expect(db.query('SELECT 1')).rejects.toThrow();
  });
});

describe('an embedded data folder whose lock was left by a process that died', () => {
  it('is taken over: the lock then names this process, and closing removes it', async () => {
    const dataDir = tempDataDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    fs.writeFileSync(lockFile(dataDir), String(dead));
    const db = await openEmbeddedDatabase(dataDir, { template: await embeddedTemplate() });
    expect(JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8'))).toEqual(lockHolderFor(process.pid));
    await db.close();
    expect(fs.existsSync(lockFile(dataDir))).toBe(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('an embedded data folder whose lock names a live process that is not its holder', () => {
  it('is taken over when the lock names this very process (as after a container restart, where ids repeat)', async () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(lockFile(dataDir), JSON.stringify({ ...lockHolderFor(process.pid), startedAt: '1' }));
    const db = await openEmbeddedDatabase(dataDir, { template: await embeddedTemplate() });
    expect(JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8'))).toEqual(lockHolderFor(process.pid));
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is taken over when the pid is alive but belongs to a process started at another time (a reused id)', async () => {
    const dataDir = tempDataDir();
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const holder = lockHolderFor(other.pid!);
      expect(holder.startedAt).toMatch(/^\d+$/);
      fs.writeFileSync(lockFile(dataDir), JSON.stringify({ ...holder, startedAt: String(Number(holder.startedAt) - 1) }));
      const db = await openEmbeddedDatabase(dataDir, { template: await embeddedTemplate() });
      expect(JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8')).pid).toBe(process.pid);
      await db.close();
    } finally {
      other.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('is refused when the lock names the live process with its own start time', async () => {
    const dataDir = tempDataDir();
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(lockFile(dataDir), JSON.stringify(lockHolderFor(other.pid!)));
      await expect(openEmbeddedDatabase(dataDir)).rejects.toThrow(`is in use by process ${other.pid}`);
    } finally {
      other.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('an embedded store closed and opened again', () => {
  it('still holds its events, and migrating again changes nothing', async () => {
    const { db, dataDir } = await createTestEmbeddedDatabase();
    const event = newEvent({ kept: 'ünïcode' });
    const first = await SqlEventStore.open(db);
    const appended = await first.append('placement-kept', 'no-stream', [event]);
    await first.close();
    await db.close();

    const second = await openEventStorage({ dataDir });
    try {
      expect(second.eventStore.kind).toBe('embedded');
      expect((await second.eventStore.readStream('placement-kept')).events.map((e) => [e.eventId, e.data])).toEqual([[event.eventId, { kept: 'ünïcode' }]]);
      expect(await second.eventStore.headPosition()).toBe(appended.position);
      expect(await second.database.query("SELECT version FROM schema_migrations WHERE component = 'event-store' ORDER BY version")).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    } finally {
      await second.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

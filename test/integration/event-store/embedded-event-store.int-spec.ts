import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataFolderLockedError, LOCK_FILE, openEmbeddedDatabase, openEventStorage, SqlEventStore } from '@ledger/event-store';
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
    expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(String(process.pid));
    await db.close();
    expect(fs.existsSync(lockFile(dataDir))).toBe(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
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
      expect(await second.database.query("SELECT version FROM schema_migrations WHERE component = 'event-store'")).toEqual([{ version: 1 }]);
    } finally {
      await second.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

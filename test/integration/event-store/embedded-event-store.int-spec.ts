import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataFolderLockedError, openEmbeddedDatabase, openEventStorage } from '@ledger/event-store';
import { describeEventStoreContract, newEvent } from './event-store.contract';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-embedded-'));

describeEventStoreContract('embedded (PGlite)', async () => {
  const dataDir = tempDir();
  const storage = await openEventStorage({ dataDir });
  return {
    store: storage.eventStore,
    cleanup: async () => {
      await storage.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
});

describe('the embedded store folder', () => {
  it('refuses a second opening while the first holds its lock, naming the folder and process', async () => {
    const dataDir = tempDir();
    const first = await openEmbeddedDatabase(dataDir);
    try {
      await expect(openEmbeddedDatabase(dataDir)).rejects.toThrow(DataFolderLockedError);
      await expect(openEmbeddedDatabase(dataDir)).rejects.toThrow(`${dataDir} is in use by process ${process.pid}`);
    } finally {
      await first.close();
    }
  });

  it('takes over the lock of a process that died', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'ledger.lock'), '999999999');
    const db = await openEmbeddedDatabase(dataDir);
    expect(fs.readFileSync(path.join(dataDir, 'ledger.lock'), 'utf8')).toBe(String(process.pid));
    await db.close();
    expect(fs.existsSync(path.join(dataDir, 'ledger.lock'))).toBe(false);
  });

  it('keeps appended events after closing and reopening', async () => {
    const dataDir = tempDir();
    const event = newEvent({ kept: true });
    const first = await openEventStorage({ dataDir });
    await first.eventStore.append('placement-kept', 'no-stream', [event]);
    await first.close();
    const second = await openEventStorage({ dataDir });
    try {
      expect((await second.eventStore.readStream('placement-kept')).events.map((e) => e.eventId)).toEqual([event.eventId]);
    } finally {
      await second.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEmbeddedTemplate, openEmbeddedDatabase, type SqlDatabase } from '@ledger/event-store';

let template: Promise<Blob> | undefined;

/** A fresh database folder as a dump, made once per test process: pass it as `template`. */
export const embeddedTemplate = (): Promise<Blob> => (template ??= createEmbeddedTemplate());

/** A new empty folder under the system temp dir. */
export const tempDataDir = (label = 'ledger-embedded'): string => fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));

/**
 * An embedded database in a new temp folder, started from a dump made once per test process
 * (initialising a PGlite folder takes seconds; loading the dump under one). `drop()` closes it
 * and deletes the folder.
 */
export async function createTestEmbeddedDatabase(): Promise<{ db: SqlDatabase; dataDir: string; drop(): Promise<void> }> {
  const dataDir = tempDataDir();
  const db = await openEmbeddedDatabase(dataDir, { template: await embeddedTemplate() });
  return {
    db,
    dataDir,
    drop: async () => {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

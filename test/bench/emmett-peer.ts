import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { ExpectedRevision, NewEvent } from '@ledger/event-store';
import type { Appender, PageReader } from './append.bench';

/**
 * The peer the ledger's PostgreSQL store is measured against: Emmett's PostgreSQL event store, pinned
 * in `test/bench/peer/package.json` and installed there on first use, so the product's own
 * dependencies never include it. Driven through the same two calls the ledger's store is measured
 * by (append with an expected revision, read the log in pages), with the same events.
 */
export const PEER_DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'bench', 'peer');

interface EmmettStore {
  appendToStream(stream: string, events: { type: string; data: unknown; metadata: unknown }[], options: { expectedStreamVersion: unknown }): Promise<unknown>;
  schema: { migrate(): Promise<unknown> };
  close(): Promise<void>;
}

interface EmmettModules {
  readonly version: string;
  readonly postgresql: {
    getPostgreSQLEventStore(connectionString: string, options?: unknown): EmmettStore;
    readMessagesBatch(execute: unknown, options: { after: bigint; batchSize: number }): Promise<{ messages: unknown[]; currentGlobalPosition: bigint }>;
  };
  readonly emmett: { STREAM_DOES_NOT_EXIST: unknown; NO_CONCURRENCY_CHECK: unknown };
  readonly dumbo: { dumbo(options: { connectionString: string }): { execute: unknown; close(): Promise<void> } };
}

/** Installs the pinned peer when its folder has none (npm ci: exactly the lock file's versions). */
function loadPeer(): EmmettModules {
  if (!fs.existsSync(path.join(PEER_DIR, 'node_modules', '@event-driven-io', 'emmett-postgresql'))) {
    process.stdout.write(`installing the pinned peer into ${PEER_DIR} (first use)\n`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEER_DIR, stdio: 'inherit' });
  }
  const load = createRequire(path.join(PEER_DIR, 'package.json'));
  return {
    version: (JSON.parse(fs.readFileSync(path.join(PEER_DIR, 'node_modules', '@event-driven-io', 'emmett-postgresql', 'package.json'), 'utf8')) as { version: string }).version,
    postgresql: load('@event-driven-io/emmett-postgresql') as EmmettModules['postgresql'],
    emmett: load('@event-driven-io/emmett') as EmmettModules['emmett'],
    dumbo: load('@event-driven-io/dumbo') as EmmettModules['dumbo'],
  };
}

/** The peer's version as installed (installing it first when absent). */
export const PEER_VERSION = (): string => loadPeer().version;

export interface EmmettPeer extends Appender, PageReader {
  readonly version: string;
  close(): Promise<void>;
}

export async function openEmmettPeer(connectionString: string): Promise<EmmettPeer> {
  const peer = loadPeer();
  const store = peer.postgresql.getPostgreSQLEventStore(connectionString);
  await store.schema.migrate();
  const pool = peer.dumbo.dumbo({ connectionString });
  return {
    version: peer.version,
    // Emmett counts a stream's events from 1: after revision r (0-based) its version is r + 1.
    async append(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[]) {
      const expectedStreamVersion = expected === 'no-stream' ? peer.emmett.STREAM_DOES_NOT_EXIST : expected === 'any' ? peer.emmett.NO_CONCURRENCY_CHECK : BigInt(expected + 1);
      await store.appendToStream(streamId, events.map((e) => ({ type: e.type, data: e.data, metadata: { ...e.metadata, eventId: e.eventId } })), { expectedStreamVersion });
    },
    async readPage(after: string | undefined, limit: number) {
      const batch = await peer.postgresql.readMessagesBatch(pool.execute, { after: BigInt(after ?? '0'), batchSize: limit });
      return { count: batch.messages.length, last: batch.currentGlobalPosition.toString() };
    },
    async close() {
      await pool.close();
      await store.close();
    },
  };
}

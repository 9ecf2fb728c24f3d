import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openEventStorage } from '@ledger/event-store';
import { exportEventLog, importEventLog } from '../../../apps/cli/src/commands/event-log.command';
import { eventually } from '../../support/eventually';
import { createTestDatabase } from '../../support/postgres';

const metadata = { actorId: 'ann', actorRole: 'commissioner', recordedAt: '2026-11-23T10:00:00.000Z', correlationId: 'c', causationId: 'c' };
const event = (id: string, n: number) => ({
  eventId: id, type: 'PlacementRateChanged', version: 1, metadata: { ...metadata, note: 'ünïcødé £' },
  data: { n, nested: { weeklyRatePence: 95_000 + n } },
});

describe('moving the whole event log from the embedded store to PostgreSQL', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-log-'));
  const file = path.join(dir, 'ledger.ndjson');
  let drop: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
  });
  afterAll(async () => {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports in global order and imports with ids, revisions and metadata intact, once', async () => {
    const source = await openEventStorage({ dataDir: path.join(dir, 'embedded') });
    await source.eventStore.append('placement-a', 'no-stream', [event('0b7c0c55-0000-4000-8000-000000000001', 1), event('0b7c0c55-0000-4000-8000-000000000002', 2)]);
    await source.eventStore.append('placement-b', 'no-stream', [event('0b7c0c55-0000-4000-8000-000000000003', 3)]);
    await source.eventStore.append('placement-a', 1, [event('0b7c0c55-0000-4000-8000-000000000004', 4)]);
    const out = fs.createWriteStream(file);
    expect(await exportEventLog(source.eventStore, out)).toBe(4);
    await new Promise<void>((resolve) => out.end(resolve));
    const original = await source.eventStore.readAll();
    await source.close();

    const target = await openEventStorage({ dataDir: path.join(dir, 'unused'), databaseUrl: url });
    try {
      expect(await importEventLog(target.eventStore, file)).toEqual({ events: 4, appends: 3, appended: 4, skipped: 0 });
      const strip = (events: typeof original) => events.map(({ position: _p, ...rest }) => rest);
      // The global order shows the import once no older transaction on the server is still running.
      await eventually(async () => expect(strip(await target.eventStore.readAll())).toEqual(strip(original)));
      expect(await importEventLog(target.eventStore, file)).toEqual({ events: 4, appends: 3, appended: 0, skipped: 4 });
      expect(await target.eventStore.countEvents()).toBe(4);
    } finally {
      await target.close();
    }
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { issueWeeklyReport, loadConfig, ManualClock, openLedgerRuntime, weeklyReportStreamId, type LedgerRuntime } from '@ledger/application';
import type { LocalDate } from '@ledger/domain';
import { createTestDatabase } from '../../support/postgres';

describe('issuing a week\'s report through the command-handler shape', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-issue-'));
  let runtime: LedgerRuntime;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    runtime = await openLedgerRuntime(loadConfig({ LEDGER_DATA_DIR: dataDir, DATABASE_URL: database.url, AUTH_JWT_SECRET: 'x'.repeat(32) }),
      new ManualClock(new Date('2026-11-23T10:00:00Z')));
  });
  afterAll(async () => {
    await runtime.close();
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('issues once when several issuers race: one issues, the others answer with its report', async () => {
    const week = '2026-11-16' as LocalDate;
    const outcomes = await Promise.all(Array.from({ length: 4 }, (_, i) => issueWeeklyReport(runtime, week, `race-${i}`)));
    const { events } = await runtime.eventStore.readStream(weeklyReportStreamId(week));
    expect(events).toHaveLength(1);
    expect(events[0].metadata).toMatchObject({ actorId: 'weekly-report', actorRole: 'scheduler' });
    expect(outcomes.filter((o) => !o.alreadyIssued)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.reportId))).toEqual(new Set([(events[0].data as { reportId: string }).reportId]));
  });
});

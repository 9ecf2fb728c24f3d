import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SMTPServer } from 'smtp-server';
import {
  envelopeFor, ExecutePlacementCommandHandler, loadConfig, ManualClock, openLedgerRuntime, runRenewalSweep, type LedgerRuntime,
} from '@ledger/application';
import type { LocalDate, Pence, PlacementCommand } from '@ledger/domain';
import { listNotifications } from '@ledger/projections';
import { freePort } from '../../support/own-redis';

const d = (s: string) => s as LocalDate;
const ID = '55555555-5555-4555-8555-555555555555';

interface Mail { from: string; to: string[]; raw: string }

describe('review notifications by e-mail through a real SMTP server', () => {
  const clock = new ManualClock(new Date('2026-11-02T09:00:00Z'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-smtp-'));
  const received: Mail[] = [];
  let server: SMTPServer;
  let runtime: LedgerRuntime;

  beforeAll(async () => {
    const port = await freePort();
    server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, session, done) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    runtime = await openLedgerRuntime(loadConfig({
      LEDGER_DATA_DIR: dataDir, AUTH_JWT_SECRET: 'x'.repeat(32), SMTP_URL: `smtp://127.0.0.1:${port}`,
      SMTP_FROM: 'placements@council.example', LEDGER_NOTIFY_EMAIL_DOMAIN: 'council.example',
    }), clock);
    const handler = new ExecutePlacementCommandHandler(runtime.eventStore, clock, runtime.config, runtime.projections);
    const run = (command: PlacementCommand) => handler.execute({ placementId: ID, command, envelope: envelopeFor({ id: 'ann', role: 'commissioner' }), options: {} } as never);
    await run({ type: 'RequestPlacement', data: { placementId: ID, childRef: 'LAC-MAIL1', ageAtRequest: 13, needs: [], placementTypeSought: 'U4', urgency: 'planned', requiredFrom: d('2026-11-02'), siblingGroupSize: 1 } });
    await run({ type: 'RecordInHouseSearch', data: { searchedOn: d('2026-11-01'), options: [{ resource: 'In-house', outcome: 'unavailable' }] } });
    await run({ type: 'CommissionPlacement', data: { provider: { id: 'P', name: 'P', type: 'PR4', ofstedGrade: 'good', distanceMiles: 3 }, placementType: 'U4', weeklyRatePence: 90_000 as Pence, startDate: d('2026-11-02'), costCentre: 'CC-IFA' } });
  });
  afterAll(async () => {
    await runtime.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const sweepOn = async (day: string) => {
    clock.set(`${day}T07:00:00Z`);
    return runRenewalSweep(runtime);
  };

  it('mails the commissioner once when the review falls due, and once when it is overdue', async () => {
    expect((await sweepOn('2026-11-23')).notifications).toEqual({ sent: 1, failed: 0 });
    expect((await sweepOn('2026-11-24')).notifications).toEqual({ sent: 0, failed: 0 });
    expect((await sweepOn('2026-11-30')).notifications).toEqual({ sent: 1, failed: 0 });
    expect(received.map((m) => m.to)).toEqual([['ann@council.example'], ['ann@council.example']]);
    expect(received[0].from).toBe('placements@council.example');
    expect(received[0].raw).toContain('Subject: Four-week review due by 2026-11-30: LAC-MAIL1');
    expect(received[1].raw).toContain('Subject: Four-week review overdue since 2026-11-30: LAC-MAIL1');
    const listed = await listNotifications(runtime.database, 'ann');
    expect(listed.map((n) => [n.kind, n.state, n.channel])).toEqual([['review-overdue', 'sent', 'smtp'], ['review-due', 'sent', 'smtp']]);
  });
});

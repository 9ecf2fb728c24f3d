import 'reflect-metadata';
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import {
  describeDemoSeeding, loadConfig, openLedgerRuntime, seedDemoCouncil, seedOrResumeDemoCouncil, systemClock,
  JOB_HANDLERS,
} from '@ledger/application';
import { todayIn } from '@ledger/domain';
import { exportEventLog, importEventLog } from './commands/event-log.command';
import { randomUUID } from 'node:crypto';
import { rebuildCommand } from './commands/rebuild.command';
import { tokenCommand } from './commands/token.command';

const USAGE = `Usage: npm run ledger -- <command> [options]

  token --sub <id> --role <role> [--role <role>] [--ttl 12h]   print a bearer token
  seed-demo [--force] [--today YYYY-MM-DD]                     record the demo council (into an empty store, or finish one cut short; --force: any store)
  export [--out FILE]                                          write the whole event log as NDJSON (stdout by default)
  import --in FILE                                             append an NDJSON event log (re-importing appends nothing)
  rebuild                                                      rebuild every read model from the start of the log
  renewal-sweep                                                flag reviews due and overdue now (idempotent)
  weekly-report                                                issue the report for the week just ended (once a week)

The store is chosen as for the API: EVENTSTORE_CONNECTION_STRING, else DATABASE_URL, else the embedded
store in LEDGER_DATA_DIR (default ./data; stop the API first, it holds the folder's lock).`;

async function withRuntime<T>(work: (runtime: Awaited<ReturnType<typeof openLedgerRuntime>>) => Promise<T>): Promise<T> {
  const runtime = await openLedgerRuntime(loadConfig(), systemClock, { startProjections: false });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

/** For the jobs, which read the read models: brought up to date with the store before the job runs. */
async function withProjectedRuntime<T>(work: (runtime: Awaited<ReturnType<typeof openLedgerRuntime>>) => Promise<T>): Promise<T> {
  const runtime = await openLedgerRuntime(loadConfig(), systemClock);
  try {
    await runtime.projections.waitFor(await runtime.eventStore.headPosition(), 120_000);
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      sub: { type: 'string' }, role: { type: 'string', multiple: true }, ttl: { type: 'string' },
      force: { type: 'boolean' }, today: { type: 'string' }, out: { type: 'string' }, in: { type: 'string' },
    },
    strict: true,
  });
  switch (command) {
    case 'token':
      return tokenCommand(values);
    case 'seed-demo':
      return withRuntime(async (runtime) => {
        if (values.force || values.today !== undefined) {
          const outcome = await seedDemoCouncil(runtime, values.today ?? todayIn(new Date(), runtime.config.timeZone));
          process.stdout.write(`Seeded ${outcome.placements} placement requests, ${outcome.appended} events; `
            + `${outcome.alreadyRecorded} of ${outcome.steps} steps were already recorded.\n`);
        } else {
          const seeding = await seedOrResumeDemoCouncil(runtime);
          process.stdout.write(`${describeDemoSeeding(seeding)}${seeding.kind === 'not-demo' ? ' (use --force to add it anyway)' : ''}\n`);
        }
      });
    case 'export':
      return withRuntime(async (runtime) => {
        const output = values.out === undefined ? process.stdout : fs.createWriteStream(values.out);
        const count = await exportEventLog(runtime.eventStore, output);
        if (output !== process.stdout) await new Promise<void>((resolve) => (output as fs.WriteStream).end(resolve));
        process.stderr.write(`Exported ${count} events.\n`);
      });
    case 'import':
      if (values.in === undefined) throw new Error('import needs --in FILE');
      return withRuntime(async (runtime) => {
        const outcome = await importEventLog(runtime.eventStore, values.in as string);
        process.stdout.write(outcome.appended === undefined
          ? `Read ${outcome.events} events and sent them in ${outcome.appends} appends (this store does not count what was new).\n`
          : `Read ${outcome.events} events: appended ${outcome.appended}, skipped ${outcome.skipped} already in the store.\n`);
      });
    case 'rebuild':
      return withRuntime(rebuildCommand);
    case 'renewal-sweep':
    case 'weekly-report':
      return withProjectedRuntime(async (runtime) => {
        const outcome = await JOB_HANDLERS[command](runtime, randomUUID());
        process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
      });
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      throw new Error(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

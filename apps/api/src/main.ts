import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import {
  BullMqScheduler, ConfigError, InProcessScheduler, issueToken, keepHeapNearLiveSize, loadConfig, openLedgerRuntime, resolveJwtSecret,
  seedOrResumeDemoCouncil, systemClock, describeDemoSeeding, type JobScheduler, JOB_HANDLERS,
} from '@ledger/application';
import { createApp } from './create-app';
import { installGracefulShutdown } from './graceful-shutdown';

/** Starts the API on the configured store; with LEDGER_SEED_DEMO, fills an empty store with the demo council (or finishes one cut short). */
async function main(): Promise<void> {
  keepHeapNearLiveSize();
  const config = loadConfig();
  if (config.webSignIn.kind === 'none') {
    throw new ConfigError('The web pages need a sign-in. Set OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URL '
      + '(your identity provider, e.g. Microsoft Entra ID), or LEDGER_LOCAL_SIGN_IN=true to offer the demo users\' local sign-in (trials only).');
  }
  const { secret, generated, file } = resolveJwtSecret(config);
  const runtime = await openLedgerRuntime(config, systemClock);
  const seeded = config.seedDemo
    ? await seedOrResumeDemoCouncil(runtime, (done, steps) => process.stdout.write(`Recording the demo council: ${done} of ${steps} steps\n`))
    : undefined;
  const logger = new Logger('Jobs');
  const log = (message: string, error?: unknown) => logger.warn(error === undefined ? message : { err: error, msg: message });
  // Scheduled jobs: on BullMQ when Redis is configured, otherwise in this process on the same schedule.
  const jobs: JobScheduler | undefined = !config.jobsInApi ? undefined
    : config.redisUrl === undefined ? new InProcessScheduler(runtime, JOB_HANDLERS, log) : new BullMqScheduler(runtime, JOB_HANDLERS, { redisUrl: config.redisUrl }, log);
  await jobs?.start();
  const app = await createApp(runtime, secret, { scheduler: jobs });
  installGracefulShutdown(app.getHttpServer(), {
    stopJobs: async () => jobs?.stop(),
    closeApp: () => app.close(),
    closeStore: () => runtime.close(),
  }, { graceMs: config.shutdownGraceMs, say: (line) => process.stdout.write(`\n${line}\n`) });
  await app.listen(config.port, '0.0.0.0');
  // The ledger is folded now, in the background, rather than by the first query that needs it (about 12 s at a
  // million events); a query arriving meanwhile waits for this same fold.
  void runtime.ledger.at(systemClock.now()).catch((error: unknown) => new Logger('Ledger').warn({ err: error, msg: 'Folding the ledger ahead of the first query failed; the first query will fold it' }));
  const base = `http://localhost:${config.port}`;
  // A bearer token is printed only for the local demo: embedded store, a generated secret, no identity provider.
  const localDemo = runtime.eventStore.kind === 'embedded' && file !== undefined && config.jwtSecret === undefined && config.webSignIn.kind === 'local';
  const token = localDemo ? await issueToken(secret, { sub: 'demo-user', roles: ['commissioner', 'finance', 'manager', 'admin'] }) : undefined;
  const lines = [
    '',
    `  Open the placement ledger:  ${base}/`,
    config.webSignIn.kind === 'local' ? '  Sign in locally as one of the demo council\'s people (local sign-in: for trials only).' : `  Sign-in through ${config.webSignIn.kind === 'oidc' ? config.webSignIn.issuer : ''}.`,
    '',
    `The ledger is running on the ${runtime.eventStore.kind} store; scheduled jobs run ${jobs === undefined ? 'in the worker (LEDGER_JOBS_IN_API=false)' : jobs.mode === 'bullmq' ? 'on BullMQ (Redis)' : 'in-process (no Redis configured)'}.`,
    seeded === undefined ? '' : describeDemoSeeding(seeded),
    generated ? `A token secret was generated and kept in ${file}.` : '',
    `  API explorer:            ${base}/docs`,
    `  Health:                  ${base}/health`,
    ...(token === undefined ? [] : [
      `  A 12-hour API token for the demo user (commissioner, finance, manager, admin), for the API explorer's Authorize button:`,
      `  ${token}`,
    ]),
    `  More tokens:             npm run ledger -- token --sub <id> --role <role>`,
    '',
  ];
  process.stdout.write(lines.filter((line, i) => line !== '' || i === 0 || i === lines.length - 1).join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`The ledger could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof Error && error.name !== 'ConfigError' && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});

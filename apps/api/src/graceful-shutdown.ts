import type { Server } from 'node:http';

/** What a clean stop closes, in order: the jobs, the HTTP app (and with it the server), the store (and its lock). */
export interface ShutdownSteps {
  readonly stopJobs: () => Promise<void>;
  readonly closeApp: () => Promise<void>;
  readonly closeStore: () => Promise<void>;
}

/** Resolves when `work` does, or after `ms` whatever it is doing (a step that hangs on a dead Redis, say). */
async function atMost(ms: number, work: Promise<unknown>, onTimeout: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), ms); });
  const outcome = await Promise.race([work.then(() => 'done', () => 'done'), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') onTimeout();
}

/**
 * On SIGTERM or SIGINT: stop accepting, close idle keep-alive sockets at once, let requests in flight
 * finish for up to `graceMs`, then close every socket left (idle, half-sent, stalled); stop the jobs and
 * close the store whatever is down, and exit 0. A second signal while closing is noted and ignored, so
 * it cannot cut the close short and leave the store's lock behind.
 */
export function installGracefulShutdown(server: Server, steps: ShutdownSteps, options: { graceMs: number; say: (line: string) => void }): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      options.say(`${signal} again: already closing, within ${options.graceMs} ms.`);
      return;
    }
    closing = true;
    options.say(`${signal}: closing the ledger cleanly (up to ${options.graceMs} ms for requests in flight)...`);
    const appClosed = steps.closeApp();
    server.closeIdleConnections();
    const forceClose = setTimeout(() => server.closeAllConnections(), options.graceMs);
    forceClose.unref();
    await atMost(options.graceMs, steps.stopJobs(), () => options.say('The jobs did not stop in time (is Redis down?); going on.'));
    await atMost(options.graceMs + 1000, appClosed, () => options.say('Connections still open after the grace period were closed.'));
    clearTimeout(forceClose);
    server.closeAllConnections();
    await atMost(options.graceMs, steps.closeStore(), () => options.say('The store did not close in time; exiting anyway.'));
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal));
}

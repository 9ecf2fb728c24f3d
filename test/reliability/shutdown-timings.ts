import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { issueToken } from '@ledger/application';
import { API, type ApiProcess } from '../support/api-process';
import { freePort } from '../support/own-redis';
import { countsLine, type CampaignSize, type Scenario, type ScenarioReport } from './campaign';
import {
  CONDITIONS, EXIT_ALLOWANCE_MS, GRACE_MS, signalAndTime, startApi, stopLeftOver, type InFlight, type Run, type Stop,
} from './shutdown-conditions';

const REPEATS: Record<CampaignSize, number> = { reduced: 1, full: 3 };
const SECRET = 'reliability-secret-of-at-least-32-characters';

/** The middle of an odd number of sorted values. */
const median = (sorted: readonly number[]) => sorted[Math.floor(sorted.length / 2)];

/** `name: 0.09 s`, or min / median / max of the repeats. */
function timesLine(name: string, seconds: readonly number[]): string {
  const sorted = [...seconds].sort((a, b) => a - b);
  const s = (n: number) => n.toFixed(2);
  return sorted.length === 1 ? `${name}: ${s(sorted[0])} s from SIGTERM to exit`
    : `${name}: ${s(sorted[0])} / ${s(median(sorted))} / ${s(sorted[sorted.length - 1])} s from SIGTERM to exit (min / median / max of ${sorted.length})`;
}

/** Under load, how the requests in flight at the signal and sent after it ended, over every repeat. */
function inFlightLine(stops: readonly Stop[]): string | undefined {
  const merged = (pick: (f: InFlight) => ReadonlyMap<string, number>) => {
    const total = new Map<string, number>();
    for (const stop of stops) for (const [key, n] of stop.inFlight === undefined ? [] : pick(stop.inFlight)) total.set(key, (total.get(key) ?? 0) + n);
    return total;
  };
  if (stops.every((s) => s.inFlight === undefined)) return undefined;
  const atSignal = merged((f) => f.atSignal);
  const after = merged((f) => f.after);
  return `under load, in flight at SIGTERM: ${countsLine(atSignal) || 'none'}; sent after it: ${countsLine(after) || 'none'}`;
}

/** A folder for the run's embedded starts, one after another: each start shows the last one let go of it. */
async function openRun(): Promise<Run & { close(): Promise<void> }> {
  if (!fs.existsSync(API)) throw new Error(`${API} is missing: run \`npm run build\` first`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-shutdown-timings-'));
  const bearer = `Bearer ${await issueToken(SECRET, { sub: 'reliability-commissioner', roles: ['commissioner', 'admin'] })}`;
  const started: ApiProcess[] = [];
  return {
    dataDir, bearer,
    env: (port, extra = {}) => ({ LEDGER_DATA_DIR: dataDir, PORT: String(port), AUTH_JWT_SECRET: SECRET, LEDGER_SHUTDOWN_GRACE_MS: String(GRACE_MS), ...extra }),
    start: async (env, via) => {
      const api = await startApi(env, via);
      started.push(api);
      return api;
    },
    close: async () => {
      for (const api of started) await stopLeftOver(api);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The last start on the run's folder, after every condition: it must serve and stop cleanly. */
async function finalStart(run: Run): Promise<string[]> {
  const api = await run.start(run.env(await freePort()));
  return (await signalAndTime(api, 'the last start on the folder')).violations;
}

/**
 * Seconds from SIGTERM to exit of the built API in six conditions (idle, under load, stalled clients,
 * Redis down, PostgreSQL down, `npm start`), with the promises of a clean stop: exit 0 in bounded time,
 * the folder's lock released, every request in flight at the signal answered.
 */
export const shutdownTimings: Scenario = {
  name: 'shutdown-timings',
  async run(size): Promise<ScenarioReport> {
    const run = await openRun();
    const figures = [`LEDGER_SHUTDOWN_GRACE_MS=${GRACE_MS}; a stop still running ${(GRACE_MS + EXIT_ALLOWANCE_MS) / 1000} s after SIGTERM counts as a hang`];
    const violations: string[] = [];
    try {
      for (const condition of CONDITIONS) {
        const stops: Stop[] = [];
        for (let i = 0; i < REPEATS[size]; i++) stops.push(await condition.stop(run));
        figures.push(timesLine(condition.name, stops.map((s) => s.seconds)));
        const inFlight = inFlightLine(stops);
        if (inFlight !== undefined) figures.push(inFlight);
        violations.push(...stops.flatMap((s) => s.violations));
      }
      violations.push(...await finalStart(run));
    } finally {
      await run.close();
    }
    return { title: 'Shutdown: seconds from SIGTERM to exit', figures, violations };
  },
};

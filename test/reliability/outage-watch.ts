import { eventually } from '../support/eventually';
import { lostWrites, type Exchange, type Traffic } from '../support/http-traffic';
import type { LoggedWarning } from '../support/listening-app';
import { countsLine, tally } from './campaign';

/** Traffic before the first outage and between recovery and the next outage. */
export const CALM_MS = 2000;
/** After the service returns, the ledger must be answering normally again within this. */
export const RECOVERY_BOUND_MS = 30_000;
/** How often the operations endpoints are looked at during an outage, and the window recovery is judged on. */
export const POLL_MS = 500;
/** An operations endpoint must answer, up or down, within this. */
export const PROBE_TIMEOUT_MS = 10_000;

/** One outage: when it began and ended, when the ledger recovered, and what `/health` (and `/api/jobs`) said meanwhile. */
export interface Outage {
  readonly downAt: number;
  readonly upAt: number;
  readonly recoveredAt: number;
  readonly probes: readonly Probe[];
}

/** A look at an operations endpoint during or after an outage. */
export interface Probe {
  readonly at: number;
  readonly what: string;
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: unknown;
}

/** How the scene of one outage is made and ended, and how recovery is recognised. */
export interface Service {
  readonly name: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  /** The operations endpoints to watch while the service is down. */
  probe(): Promise<Probe[]>;
  /** Whether the ledger is itself again: resolves when it is, throws while not. */
  recovered(traffic: readonly Exchange[], since: number): Promise<void>;
}

/** Waits; for pacing the outages, never for an effect. */
export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A look at an endpoint; one that does not answer within the bound is a probe of status 0. */
export async function probeOf(what: string, url: string, bearer?: string): Promise<Probe> {
  const res = await fetch(url, { headers: bearer === undefined ? {} : { Authorization: bearer }, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })
    .catch((error: unknown) => error as Error);
  if (res instanceof Error) return { at: Date.now(), what, status: 0, retryAfter: null, body: `no answer within ${PROBE_TIMEOUT_MS / 1000} s (${res.name})` };
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text for the report.
  }
  return { at: Date.now(), what, status: res.status, retryAfter: res.headers.get('retry-after'), body };
}

/** Answers since `since`: at least one write and one read, and every one of them 2xx. */
export function answeringNormally(traffic: readonly Exchange[], since: number): void {
  const fresh = traffic.filter((e) => e.startedAt >= since);
  const ok = (e: Exchange) => e.status !== undefined && e.status < 300;
  if (!fresh.every(ok) || !fresh.some((e) => e.kind === 'write') || !fresh.some((e) => e.kind === 'read')) throw new Error('not answering normally yet');
}

/** Makes each outage in turn under continuous traffic, watching the operations endpoints while it lasts. */
export async function outagesUnder(traffic: Traffic, service: Service, durations: readonly number[]): Promise<Outage[]> {
  const outages: Outage[] = [];
  for (const ms of durations) {
    await delay(CALM_MS);
    const downAt = Date.now();
    await service.cut();
    const probes: Probe[] = [];
    while (Date.now() - downAt < ms) {
      probes.push(...await service.probe());
      await delay(POLL_MS);
    }
    const upAt = Date.now();
    await service.restore();
    await eventually(() => service.recovered(traffic.exchanges, Date.now() - POLL_MS), RECOVERY_BOUND_MS).catch(() => undefined);
    outages.push({ downAt, upAt, recoveredAt: Date.now(), probes });
  }
  await delay(CALM_MS);
  return outages;
}

const outcome = (e: Exchange) => e.status ?? e.failure ?? 'no answer';
const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** The answers a client may get from the ledger while a service is down: normal ones, or 503 with Retry-After as problem+json. */
function badAnswer(e: Exchange, allow503: boolean): string | undefined {
  if (e.status === undefined) return `no answer (${e.failure})`;
  if (e.status === 503 && allow503 && e.retryAfter !== undefined && e.problemJson === true) return undefined;
  if (e.status === 503) return allow503 ? `503 without Retry-After or problem+json` : '503 although the ledger does not need this service';
  return e.status >= 500 ? `${e.status}` : undefined;
}

/** What the API logged while it answered: the causes of its 503s, when it runs in this process. */
function causesOf(warnings: readonly LoggedWarning[], e: Exchange): string {
  const causes = [...new Set(warnings.filter((w) => w.at >= e.startedAt && w.at <= e.endedAt && w.cause !== undefined).map((w) => w.cause))];
  return causes.length === 0 ? '' : ` (logged meanwhile: ${causes.join('; ')})`;
}

/** Figures and violations of one service's outages, from the traffic and the probes. */
export function judge(service: string, outages: readonly Outage[], traffic: readonly Exchange[], allow503: boolean, warnings: readonly LoggedWarning[] = []): { figures: string[]; violations: string[] } {
  const figures: string[] = [];
  const violations: string[] = [];
  outages.forEach((outage, i) => {
    const during = new Map<string, number>();
    for (const e of traffic) if (e.startedAt >= outage.downAt && e.startedAt < outage.recoveredAt) tally(during, outcome(e));
    const recovery = outage.recoveredAt - outage.upAt;
    figures.push(`${service} outage ${i + 1}: ${seconds(outage.upAt - outage.downAt)} s down; requests from the cut until recovered: ${countsLine(during)}; `
      + `normal again ${seconds(recovery)} s after it returned`);
    if (recovery >= RECOVERY_BOUND_MS) violations.push(`${service} outage ${i + 1}: not answering normally ${RECOVERY_BOUND_MS / 1000} s after it returned`);
    // Between recovery and the next cut: a request still in flight when the next outage begins may fail with it.
    const afterwards = traffic.filter((e) => e.startedAt >= outage.recoveredAt && (i + 1 === outages.length || e.endedAt < outages[i + 1].downAt));
    for (const e of afterwards.filter((x) => outcome(x) !== 200 && outcome(x) !== 201).slice(0, 3)) {
      violations.push(`${service} outage ${i + 1}: ${e.route} answered ${outcome(e)} ${seconds(e.startedAt - outage.upAt)} s after the service returned, when the ledger had recovered${causesOf(warnings, e)}`);
    }
  });
  const bad = new Map<string, number>();
  for (const e of traffic) {
    const wrong = badAnswer(e, allow503);
    if (wrong !== undefined) tally(bad, `${e.route} ${wrong}`);
  }
  for (const [what, n] of bad) violations.push(`${service}: ${what} × ${n}`);
  return { figures, violations };
}

/** A probe that does not say what it should. */
export function probeViolations(service: string, outages: readonly Outage[], expected: (probe: Probe) => string | undefined): string[] {
  return outages.flatMap((outage, i) => outage.probes.map(expected).filter((v): v is string => v !== undefined).map((v) => `${service} outage ${i + 1}: ${v}`));
}

/** How many writes were acknowledged, and which of them the store has lost. */
export async function writesFigure(service: string, base: string, bearer: string, traffic: readonly Exchange[]): Promise<{ figure: string; violations: string[] }> {
  const lost = await lostWrites(base, bearer, traffic);
  const acknowledged = traffic.filter((e) => e.wrote !== undefined).length;
  return {
    figure: `${service}: ${traffic.length.toLocaleString('en-GB')} requests in all; writes acknowledged ${acknowledged.toLocaleString('en-GB')}, lost ${lost.length}`,
    violations: lost.slice(0, 5).map((l) => `${service}: acknowledged write missing from the store: ${l}`),
  };
}

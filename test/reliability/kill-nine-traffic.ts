/** The kill-nine write traffic: clients carrying placements through their commands, and the intent behind each write. */
import { randomUUID } from 'node:crypto';
import { commissionBody, noInHouseOption, requestBody } from '../support/placement-fixtures';
import { tally } from './campaign';
import { deferred, type LedgerProcess } from './kill-nine-process';

export const WRITER = 'commissioner-kill-nine';
export const CLIENTS = 6;
/** Changes recorded on each placement after its request, search and commission. */
const CHANGES_PER_PLACEMENT = 8;
const REQUEST_TIMEOUT_MS = 30_000;
const START_DATE = '2026-11-30';

/** A write one client meant to make once, under one Idempotency-Key, and what the API last said of it. */
export interface Intent {
  readonly key: string;
  readonly path: string;
  readonly body: object;
  /** Unknown: cut off by a kill, or its claim still pending from the killed process. */
  outcome: 'acknowledged' | 'refused' | 'unknown';
  revision?: number;
  /** A kill cut off an attempt: the write may be in the store without an answer. */
  interrupted: boolean;
  /** Where the kill found it, told by the first answer after the restart and the store. */
  landing?: 'before the claim' | 'claimed, not appended' | 'appended, not recorded' | 'recorded, not answered';
}

/** Several clients writing over real HTTP, each carrying its placements through request, search, commission and changes. */
export class Traffic {
  readonly intents: Intent[] = [];
  readonly statuses = new Map<number, number>();
  readonly violations: string[] = [];
  private held?: ReturnType<typeof deferred>;
  private busy = 0;
  private idle = deferred();
  private stopped = false;
  private readonly abandoned = deferred();
  private sequence = 0;
  private running: Promise<void>[] = [];

  constructor(private readonly api: LedgerProcess, private readonly base: string, private readonly token: string) {}

  start(): void {
    this.running = Array.from({ length: CLIENTS }, () => this.client());
  }

  /** Resolves once every client is between writes. */
  hold(): Promise<void> {
    this.held = deferred();
    this.idle = deferred();
    if (this.busy === 0) this.idle.resolve();
    return this.idle.promise;
  }

  release(): void {
    this.held?.resolve();
    this.held = undefined;
  }

  /** Lets each client finish its write and end; `abandon` first when the API will not serve again. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.release();
    await Promise.all(this.running);
  }

  abandon(): void {
    this.stopped = true;
    this.abandoned.resolve();
  }

  /** Sends again, under the same key, every write whose outcome is unknown. */
  async retryUnknown(): Promise<number> {
    const unknown = this.intents.filter((i) => i.outcome === 'unknown' && i.interrupted);
    for (const intent of unknown) await this.send(intent);
    return unknown.length;
  }

  private async client(): Promise<void> {
    while (!this.stopped) {
      for (const intent of this.placement()) {
        while (this.held !== undefined) await this.held.promise;
        if (this.stopped) return;
        this.busy++;
        await this.send(intent).finally(() => --this.busy === 0 && this.idle.resolve());
        if (intent.outcome !== 'acknowledged') break;
      }
    }
  }

  private *placement(): Generator<Intent> {
    const id = randomUUID();
    yield this.intent('/api/placements', requestBody({ placementId: id, childRef: `LAC-K9-${++this.sequence}` }));
    yield this.intent(`/api/placements/${id}/in-house-searches`, noInHouseOption());
    yield this.intent(`/api/placements/${id}/commission`, commissionBody({ startDate: START_DATE }));
    for (let step = 1; step <= CHANGES_PER_PLACEMENT; step++) {
      const n = ++this.sequence;
      yield step % 2 === 1
        ? this.intent(`/api/placements/${id}/rate-changes`, { effectiveFrom: `2026-12-${String(step).padStart(2, '0')}`, weeklyRatePence: 100_000 + (n % 30_000) * 10, reason: `change ${n}` })
        : this.intent(`/api/placements/${id}/joint-funding`, { contributor: `fund ${n}`, shareBasisPoints: 1, effectiveFrom: START_DATE });
    }
  }

  private intent(urlPath: string, body: object): Intent {
    const intent: Intent = { key: randomUUID(), path: urlPath, body, outcome: 'unknown', interrupted: false };
    this.intents.push(intent);
    return intent;
  }

  /** One write until the API answers it; a connection cut by a kill waits for the restart and sends it again. */
  private async send(intent: Intent): Promise<void> {
    for (let failuresWhileServing = 0; failuresWhileServing < 3;) {
      await Promise.race([this.api.whenServing(), this.abandoned.promise]);
      if (this.stopped && !this.api.isServing) return;
      const wasInterrupted = intent.interrupted;
      try {
        const res = await fetch(`${this.base}${intent.path}`, {
          method: 'POST', body: JSON.stringify(intent.body), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': intent.key },
        });
        const body = (await res.json().catch(() => ({}))) as { revision?: number };
        this.judge(intent, res.status, body.revision, wasInterrupted && intent.landing === undefined ? res.headers.get('idempotent-replayed') === 'true' : undefined);
        return;
      } catch {
        intent.interrupted = true;
        if (this.api.isServing) failuresWhileServing++;
      }
    }
    this.violations.push(`${intent.path} failed three times while the API was serving`);
  }

  private judge(intent: Intent, status: number, revision: number | undefined, replayed: boolean | undefined): void {
    tally(this.statuses, status);
    if (status >= 500) this.violations.push(`${intent.path} answered ${status}`);
    if (replayed !== undefined) {
      intent.landing = replayed ? 'recorded, not answered' : status === 409 ? undefined : 'before the claim';
    }
    if (status >= 200 && status < 300) Object.assign(intent, { outcome: 'acknowledged', revision });
    else intent.outcome = status === 409 && intent.interrupted ? 'unknown' : 'refused';
  }
}

import { randomUUID } from 'node:crypto';
import { noInHouseOption, requestBody } from './placement-fixtures';

/** One request of the traffic and how it ended: an answer, or the code of a connection refused or cut. */
export interface Exchange {
  readonly kind: 'write' | 'read';
  readonly route: string;
  /** `Date.now()` when the request was sent and when it ended. */
  readonly startedAt: number;
  readonly endedAt: number;
  readonly status?: number;
  readonly retryAfter?: string;
  readonly problemJson?: boolean;
  /** No answer: ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET (closed mid-answer), a timeout... */
  readonly failure?: string;
  /** An acknowledged write: the revision it appended to the placement, to look for afterwards. */
  readonly wrote?: { readonly placementId: string; readonly revision: number };
}

/** Commissioners writing and reading over HTTP, each on placements of their own, until stopped. */
export interface Traffic {
  readonly exchanges: readonly Exchange[];
  stop(): Promise<readonly Exchange[]>;
}

/** A request given up on: long enough for any grace period or outage the scenarios make. */
const REQUEST_TIMEOUT_MS = 30_000;
const WEEK_COMMENCING = '2026-11-16';

interface Call {
  readonly kind: Exchange['kind'];
  readonly route: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  readonly placementId?: string;
}

/** The client's next call: request a placement, record its in-house search, read it back, read a return. */
function nextCall(step: number, placementId: string | undefined): Call {
  if (placementId === undefined || step % 4 === 0) {
    const id = randomUUID();
    const body = requestBody({ placementId: id, childRef: `LAC-${id.slice(0, 8)}` });
    return { kind: 'write', route: 'POST /api/placements', method: 'POST', path: '/api/placements', body, placementId: id };
  }
  if (step % 4 === 1) {
    return { kind: 'write', route: 'POST /api/placements/{id}/in-house-searches', method: 'POST', path: `/api/placements/${placementId}/in-house-searches`, body: noInHouseOption(), placementId };
  }
  if (step % 4 === 2) return { kind: 'read', route: 'GET /api/placements/{id}', method: 'GET', path: `/api/placements/${placementId}` };
  return { kind: 'read', route: 'GET /api/returns/weekly', method: 'GET', path: `/api/returns/weekly?weekCommencing=${WEEK_COMMENCING}` };
}

/** The innermost `code` of a failed fetch: what the socket said. */
function failureOf(error: unknown): string {
  let current = error as { code?: unknown; cause?: unknown; name?: unknown } | undefined;
  let found = current?.name === 'TimeoutError' ? 'timeout' : 'no answer';
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    if (typeof current.code === 'string') found = current.code;
    current = current.cause as typeof current;
  }
  return found;
}

async function send(base: string, bearer: string, call: Call): Promise<Exchange> {
  const startedAt = Date.now();
  const headers: Record<string, string> = { Authorization: bearer };
  if (call.method === 'POST') Object.assign(headers, { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() });
  try {
    const res = await fetch(`${base}${call.path}`, {
      method: call.method, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    const revision = res.ok && call.kind === 'write' ? (JSON.parse(text) as { revision?: number }).revision : undefined;
    return {
      kind: call.kind, route: call.route, startedAt, endedAt: Date.now(), status: res.status,
      retryAfter: res.headers.get('retry-after') ?? undefined, problemJson: (res.headers.get('content-type') ?? '').includes('application/problem+json'),
      wrote: revision === undefined || call.placementId === undefined ? undefined : { placementId: call.placementId, revision },
    };
  } catch (error) {
    return { kind: call.kind, route: call.route, startedAt, endedAt: Date.now(), failure: failureOf(error) };
  }
}

/** Starts `clients` commissioners, each sending its next request as soon as the last is answered. */
export function startTraffic(base: string, bearer: string, clients: number): Traffic {
  const exchanges: Exchange[] = [];
  let stopped = false;
  const client = async () => {
    let placementId: string | undefined;
    for (let step = 0; !stopped; step++) {
      const call = nextCall(step, placementId);
      const exchange = await send(base, bearer, call);
      exchanges.push(exchange);
      if (call.route === 'POST /api/placements') placementId = exchange.wrote?.placementId;
    }
  };
  const running = Array.from({ length: clients }, () => client());
  return {
    exchanges,
    stop: async () => {
      stopped = true;
      await Promise.all(running);
      return exchanges;
    },
  };
}

/**
 * The acknowledged writes missing from the store, read back over HTTP: each placement's history must
 * hold every revision a 2xx answer gave for it.
 */
export async function lostWrites(base: string, bearer: string, exchanges: readonly Exchange[]): Promise<string[]> {
  const byPlacement = new Map<string, number[]>();
  for (const { wrote } of exchanges) {
    if (wrote !== undefined) byPlacement.set(wrote.placementId, [...(byPlacement.get(wrote.placementId) ?? []), wrote.revision]);
  }
  const lost: string[] = [];
  for (const [placementId, revisions] of byPlacement) {
    const res = await fetch(`${base}/api/placements/${placementId}`, { headers: { Authorization: bearer } });
    const history = res.ok ? ((await res.json()) as { history: { revision: number }[] }).history : [];
    for (const revision of revisions) {
      if (!history.some((entry) => entry.revision === revision)) lost.push(`placement ${placementId} revision ${revision} (GET answered ${res.status})`);
    }
  }
  return lost;
}

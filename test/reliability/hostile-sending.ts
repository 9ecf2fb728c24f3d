/** Sending hostile requests to one store after its setup, and noting the promises their answers break. */
import type { TestApp } from '../support/test-app';
import { countsLine, tally } from './campaign';
import type { Wire } from './hostile-bodies';
import { acceptedAs, mayAccept, type HostileRequest } from './hostile-request-kinds';
import { setUp } from './write-endpoints';

interface Answer { readonly status: number; readonly contentType: string; readonly error?: string }

type Verb = 'post' | 'put' | 'patch' | 'delete';
const asIs = (body: Buffer | string) => body as string;

async function send(t: TestApp, bearer: string, wire: Wire): Promise<Answer> {
  let req = t.http[wire.method.toLowerCase() as Verb](wire.path).set('Authorization', bearer);
  for (const [name, value] of Object.entries(wire.headers)) req = req.set(name, value);
  try {
    const res = await (wire.body === undefined ? req : req.serialize(asIs).send(wire.body));
    return { status: res.status, contentType: String(res.headers['content-type'] ?? '') };
  } catch (error) {
    return { status: 0, contentType: '', error: error instanceof Error ? error.message : String(error) };
  }
}

function brokenPromise(request: HostileRequest, wire: Wire, answer: Answer): string | undefined {
  if (answer.error !== undefined) return `no answer (${answer.error})`;
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (answer.status >= 400 && !answer.contentType.startsWith('application/problem+json')) return `answered ${answer.status} as ${answer.contentType || 'no Content-Type'}, not application/problem+json`;
  if (answer.status < 400 && !mayAccept(request, wire)) return `accepted it (${answer.status})`;
  return undefined;
}

const MAX_SUMMARY = 300;
function summary(wire: Wire): string {
  const headers = Object.entries(wire.headers).map(([k, v]) => `${k}: ${JSON.stringify(v.slice(0, 60))}`).join(', ');
  const body = wire.body === undefined ? 'no body' : `${JSON.stringify(wire.body.subarray(0, 160).toString('utf8'))} (${wire.body.length.toLocaleString('en-GB')} bytes)`;
  return `${wire.method} ${wire.path.slice(0, 100)} [${headers}] ${body}`.slice(0, MAX_SUMMARY);
}

/** Broken promises, counted by what broke, with the first request that broke each. */
export class Findings {
  private readonly seen = new Map<string, { count: number; example: string }>();
  private readonly others: string[] = [];
  note(what: string, example: string): void {
    const found = this.seen.get(what);
    if (found === undefined) this.seen.set(what, { count: 1, example });
    else found.count++;
  }
  add(line: string): void {
    this.others.push(line);
  }
  lines(): string[] {
    return [...[...this.seen.entries()].map(([what, { count, example }]) => `${what} × ${count}; first: ${example}`), ...this.others];
  }
}

export interface Tallies {
  readonly perEndpoint: Map<string, number>;
  readonly statuses: Map<string, number>;
  readonly kinds: Map<string, number>;
  /** The 2xx answers, by why they are allowed. */
  readonly accepted: Map<string, number>;
}

/** Sends the requests to one store after the setup, and notes every broken promise, the appended events among them. */
export async function attack(t: TestApp, store: string, requests: readonly HostileRequest[], tallies: Tallies, findings: Findings): Promise<void> {
  const bearer = `Bearer ${await t.token(['commissioner', 'finance', 'admin'])}`;
  await setUp(t, bearer);
  const [before, head] = [await t.eventCount(), await t.runtime.eventStore.headPosition()];
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).length;
  for (const request of requests) {
    const wire = request.wire();
    const answer = await send(t, bearer, wire);
    tally(tallies.perEndpoint, `${request.endpoint.method} ${request.endpoint.route}`);
    tally(tallies.statuses, answer.status === 0 ? 'no answer' : String(answer.status));
    tally(tallies.kinds, request.kind);
    if (answer.status >= 200 && answer.status < 300) tally(tallies.accepted, acceptedAs(request, wire));
    const broken = brokenPromise(request, wire, answer);
    if (broken !== undefined) findings.note(`${store}: ${request.kind} to ${request.endpoint.method} ${request.endpoint.route} ${broken}`, summary(wire));
  }
  const after = await t.eventCount();
  if (after !== before) {
    const types = new Map<string, number>();
    for (const event of await t.runtime.eventStore.readAll({ from: head, limit: 1_000 })) tally(types, event.type);
    findings.add(`${store}: ${after - before} events appended during the hostile requests (${countsLine(types)})`);
  }
  if (({} as Record<string, unknown>).polluted !== undefined || Object.getOwnPropertyNames(Object.prototype).length !== prototypeKeys) {
    findings.add(`${store}: Object.prototype was polluted (its own keys: ${Object.getOwnPropertyNames(Object.prototype).join(', ')})`);
  }
}

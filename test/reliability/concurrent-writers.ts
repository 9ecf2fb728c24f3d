import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { LedgerRuntime } from '@ledger/application';
import { commissionBody, noInHouseOption, requestBody } from '../support/placement-fixtures';
import { readModelsEqualRebuild } from '../support/read-models';
import { startTestApp } from '../support/test-app';
import { countsLine, type CampaignSize, type Scenario } from './campaign';

const STORES = ['embedded', 'postgres'] as const;
type Store = (typeof STORES)[number];

/** Writers per case; each case runs `rounds` times on each store. */
const SIZES: Record<CampaignSize, { readonly onOne: readonly number[]; readonly distinct: number; readonly sameKey: number; readonly rounds: number }> = {
  reduced: { onOne: [8, 32], distinct: 50, sameKey: 8, rounds: 1 },
  full: { onOne: [8, 32], distinct: 200, sameKey: 16, rounds: 3 },
};
const START_DATE = '2026-11-30';
const LOWEST_RATE_PENCE = 100_000;
const CATCH_UP_MS = 30_000;

interface Caller {
  readonly base: string;
  readonly token: string;
}

interface Answer {
  readonly status: number;
  readonly revision?: number;
}

interface HistoryEntry {
  readonly revision: number;
  readonly eventId: string;
  readonly data: Record<string, unknown>;
}

/** One writer's request: where it goes, and the tag its event carries so it can be found in the stream. */
interface Write {
  readonly tag: string;
  readonly path: string;
  readonly body: object;
  readonly key?: string;
}

/** What one case did, summed over rounds. */
interface CaseTally {
  writers: number;
  readonly statuses: Map<number, number>;
  appended: number;
  lost: number;
  duplicated: number;
  readonly violations: string[];
}

async function post(caller: Caller, write: Write): Promise<Answer> {
  const headers: Record<string, string> = { Authorization: `Bearer ${caller.token}`, 'Content-Type': 'application/json' };
  if (write.key !== undefined) headers['Idempotency-Key'] = write.key;
  const res = await fetch(`${caller.base}${write.path}`, { method: 'POST', headers, body: JSON.stringify(write.body) });
  const body = (await res.json().catch(() => ({}))) as { revision?: number };
  return { status: res.status, revision: body.revision };
}

/** The stream as the API shows it (folded straight from the store), or undefined when it does not exist. */
async function history(caller: Caller, placementId: string): Promise<HistoryEntry[] | undefined> {
  const res = await fetch(`${caller.base}/api/placements/${placementId}`, { headers: { Authorization: `Bearer ${caller.token}` } });
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw new Error(`GET placement ${placementId} answered ${res.status}`);
  return ((await res.json()) as { history: HistoryEntry[] }).history;
}

/** The tag a write put in its event: a rate change's reason, a contributor, a child reference. */
const tagOf = (entry: HistoryEntry): unknown => entry.data.reason ?? entry.data.contributor ?? entry.data.childRef;

let sequence = 0;

/** Alternately a rate change and a 0.01% joint-funding share: each may succeed whatever the others did. */
function changeOn(placementId: string, tag: string, key?: string): Write {
  const n = ++sequence;
  const effectiveFrom = new Date(Date.parse(`${START_DATE}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  return n % 2 === 0
    ? { tag, key, path: `/api/placements/${placementId}/rate-changes`, body: { effectiveFrom, weeklyRatePence: LOWEST_RATE_PENCE + n * 10, reason: tag } }
    : { tag, key, path: `/api/placements/${placementId}/joint-funding`, body: { contributor: tag, shareBasisPoints: 1, effectiveFrom: START_DATE } };
}

const requestFor = (placementId: string, tag: string, key?: string): Write => ({ tag, key, path: '/api/placements', body: requestBody({ placementId, childRef: tag }) });

async function commissionedPlacement(caller: Caller): Promise<string> {
  const id = randomUUID();
  const steps: Write[] = [
    requestFor(id, `LAC-${id.slice(0, 8)}`),
    { tag: '', path: `/api/placements/${id}/in-house-searches`, body: noInHouseOption() },
    { tag: '', path: `/api/placements/${id}/commission`, body: commissionBody({ startDate: START_DATE }) },
  ];
  for (const step of steps) {
    const { status } = await post(caller, step);
    if (status !== 201) throw new Error(`setting up a placement: ${step.path} answered ${status}`);
  }
  return id;
}

/** Checks one stream against the writers' answers: each acknowledged tag there once at its revision, each refused one absent. */
function judge(tally: CaseTally, label: string, before: readonly HistoryEntry[], after: readonly HistoryEntry[], writes: readonly Write[], answers: readonly Answer[]): void {
  const fresh = after.slice(before.length);
  if (!after.every((entry, i) => entry.revision === i)) tally.violations.push(`${label}: revisions are not 0..${after.length - 1} without gaps`);
  if (!before.every((entry, i) => after[i]?.eventId === entry.eventId)) tally.violations.push(`${label}: an earlier event changed`);
  if (new Set(after.map((e) => e.eventId)).size !== after.length) tally.violations.push(`${label}: an event id appears twice`);
  tally.appended += fresh.length;
  for (const answer of answers) {
    tally.statuses.set(answer.status, (tally.statuses.get(answer.status) ?? 0) + 1);
    if (answer.status !== 201 && answer.status !== 409) tally.violations.push(`${label}: a writer was answered ${answer.status}`);
  }
  const acknowledged = new Set<string>();
  for (const tag of new Set(writes.map((w) => w.tag))) {
    const found = fresh.filter((entry) => tagOf(entry) === tag);
    const answered = answers.filter((answer, i) => writes[i].tag === tag && answer.status === 201);
    if (answered.length === 0) {
      if (found.length > 0) tally.violations.push(`${label}: ${tag} was refused yet appended`);
      continue;
    }
    acknowledged.add(tag);
    if (found.length === 0) tally.lost++;
    if (found.length > 1) tally.duplicated += found.length - 1;
    const misplaced = answered.filter((answer) => found.length > 0 && answer.revision !== found[0].revision);
    if (misplaced.length > 0) tally.violations.push(`${label}: ${tag} was answered revision ${misplaced[0].revision} but is at ${found[0].revision}`);
  }
  const unclaimed = fresh.filter((entry) => !acknowledged.has(String(tagOf(entry))));
  if (unclaimed.length > 0) tally.violations.push(`${label}: ${unclaimed.length} events appended that no 201 acknowledged`);
}

async function onOnePlacement(caller: Caller, tally: CaseTally, placementId: string, writers: number, label: string): Promise<void> {
  const before = (await history(caller, placementId)) ?? [];
  const writes = Array.from({ length: writers }, (_, i) => changeOn(placementId, `${label}-w${i}`));
  const answers = await Promise.all(writes.map((write) => post(caller, write)));
  judge(tally, label, before, (await history(caller, placementId)) ?? [], writes, answers);
  tally.writers += writers;
}

async function onDistinctPlacements(caller: Caller, tally: CaseTally, writers: number, label: string): Promise<string[]> {
  const ids = Array.from({ length: writers }, () => randomUUID());
  const writes = ids.map((id, i) => requestFor(id, `${label}-w${i}`));
  const answers = await Promise.all(writes.map((write) => post(caller, write)));
  const streams = await Promise.all(ids.map((id) => history(caller, id)));
  ids.forEach((id, i) => judge(tally, `${label} ${id}`, [], streams[i] ?? [], [writes[i]], [answers[i]]));
  tally.writers += writers;
  return ids;
}

/** One request sent `copies` times at once under one Idempotency-Key: appended once, every 201 the same revision. */
async function withOneKey(caller: Caller, tally: CaseTally, write: Write, placementId: string, copies: number, label: string): Promise<void> {
  const before = (await history(caller, placementId)) ?? [];
  const answers = await Promise.all(Array.from({ length: copies }, () => post(caller, write)));
  const writes = answers.map(() => write);
  judge(tally, label, before, (await history(caller, placementId)) ?? [], writes, answers);
  tally.writers += copies;
}

const newTally = (): CaseTally => ({ writers: 0, statuses: new Map(), appended: 0, lost: 0, duplicated: 0, violations: [] });

function figure(store: Store, name: string, rounds: number, t: CaseTally): string {
  const acknowledged = t.statuses.get(201) ?? 0;
  const others = new Map([...t.statuses].filter(([status]) => status !== 201 && status !== 409));
  return `${store}, ${name}${rounds > 1 ? ` (× ${rounds} rounds)` : ''}: ${t.writers} writers, ${acknowledged} acknowledged, `
    + `${t.statuses.get(409) ?? 0} × 409, other statuses ${others.size === 0 ? 'none' : countsLine(others)}; `
    + `${t.appended} events appended, lost ${t.lost}, duplicated ${t.duplicated}`;
}

/** The placements list shows every stream at its revision, and the read models are those a clean rebuild makes. */
async function readModelsAgree(caller: Caller, runtime: LedgerRuntime, placementIds: readonly string[]): Promise<string[]> {
  if (!(await runtime.projections.waitFor(await runtime.eventStore.headPosition(), CATCH_UP_MS))) return ['the read models did not catch up'];
  const res = await fetch(`${caller.base}/api/placements`, { headers: { Authorization: `Bearer ${caller.token}` } });
  const listed = new Map(((await res.json()) as { placements: { placementId: string; revision: number }[] }).placements.map((p) => [p.placementId, p.revision]));
  const streams = await Promise.all(placementIds.map((id) => history(caller, id)));
  const wrong = placementIds.filter((id, i) => listed.get(id) !== (streams[i] === undefined ? undefined : streams[i]!.length - 1));
  const violations = wrong.length === 0 ? [] : [`the placements list disagrees with ${wrong.length} streams (first ${wrong[0]})`];
  await runtime.projections.stop();
  if (!(await readModelsEqualRebuild(runtime))) violations.push('the read models differ from a clean rebuild');
  return violations;
}

async function onStore(store: Store, size: CampaignSize): Promise<{ figures: string[]; violations: string[] }> {
  const app = await startTestApp(store);
  try {
    await app.app.listen(0, '127.0.0.1');
    const caller = { base: `http://127.0.0.1:${(app.app.getHttpServer().address() as AddressInfo).port}`, token: await app.token(['commissioner'], 'commissioner-race') };
    const { onOne, distinct, sameKey, rounds } = SIZES[size];
    const touched: string[] = [];
    const one = await commissionedPlacement(caller);
    touched.push(one);
    const tallies = new Map<string, CaseTally>();
    const tallyFor = (name: string) => tallies.get(name) ?? tallies.set(name, newTally()).get(name)!;
    for (let round = 1; round <= rounds; round++) {
      for (const writers of onOne) await onOnePlacement(caller, tallyFor(`${writers} writers on one placement`), one, writers, `r${round}-one${writers}`);
      touched.push(...await onDistinctPlacements(caller, tallyFor(`${distinct} writers on distinct placements`), distinct, `r${round}-distinct`));
      await withOneKey(caller, tallyFor(`one change sent ${sameKey} times at once under one Idempotency-Key`), changeOn(one, `r${round}-same`, randomUUID()), one, sameKey, `r${round}-same-change`);
      const id = randomUUID();
      touched.push(id);
      await withOneKey(caller, tallyFor(`one placement request sent ${sameKey} times at once under one Idempotency-Key`), requestFor(id, `r${round}-same-request`, randomUUID()), id, sameKey, `r${round}-same-request`);
    }
    const readModels = await readModelsAgree(caller, app.runtime, touched);
    const figures = [...tallies].map(([name, t]) => figure(store, name, rounds, t));
    figures.push(`${store}: placements list agrees with ${touched.length} streams, read models = a clean rebuild: ${readModels.length === 0 ? 'yes' : 'no'}`);
    const violations = [...[...tallies.values()].flatMap((t) => [
      ...t.violations, ...(t.lost > 0 ? [`${t.lost} acknowledged writes lost`] : []), ...(t.duplicated > 0 ? [`${t.duplicated} writes duplicated`] : []),
    ]), ...readModels].map((v) => `${store}: ${v}`);
    return { figures, violations };
  } finally {
    await app.close();
  }
}

/**
 * Concurrent writers through the HTTP API on the embedded and the PostgreSQL store: many at once on one
 * placement (each 201 in the stream once, each 409 appending nothing), many on distinct placements, and one
 * request repeated at once under one Idempotency-Key (appended once); then the read models against a rebuild.
 */
export const concurrentWriters: Scenario = {
  name: 'concurrent-writers',
  async run(size) {
    if ((process.env.DATABASE_URL ?? '') === '') throw new Error('DATABASE_URL is not set: the concurrent-writers scenario needs PostgreSQL');
    const figures: string[] = [];
    const violations: string[] = [];
    for (const store of STORES) {
      const outcome = await onStore(store, size);
      figures.push(...outcome.figures);
      violations.push(...outcome.violations);
    }
    return { title: 'Concurrent writers: no lost or duplicated write, on one placement or many', figures, violations };
  },
};

/** The kinds of hostile request, each a fast-check generator of requests for a write endpoint, and which may be accepted. */
import fc from 'fast-check';
import * as zlib from 'node:zlib';
import { BODY_LIMIT } from '../../apps/api/src/create-app';
import { edited, json, leavesOf, objectsOf, raw, serialise, valueAt, type Wire } from './hostile-bodies';
import {
  BAD_CHARS, BAD_IF_MATCH, BAD_KEYS, badDate, badEnum, badUuid, CHARSETS, CONTENT_TYPES, deep, ensureInvalidJson, flipped, oddPath, outOfRange, pick,
  PROTO_KEYS, UNKNOWN_KEYS, wrongType,
} from './hostile-values';
import { bodyless, BUDGET_PATH, ENDPOINTS, PLACEMENTS, type Spec, type WriteEndpoint } from './write-endpoints';

const BODY_LIMIT_BYTES = Number.parseInt(BODY_LIMIT, 10) * 1024;

/** One generated request: built when sent (some are megabytes), and whether the API must refuse it. */
export interface HostileRequest {
  readonly kind: string;
  readonly endpoint: WriteEndpoint;
  readonly mustRefuse: boolean;
  wire(): Wire;
}

/** Mostly the placement ready for the command, sometimes one in another state. */
const paths = (e: WriteEndpoint): fc.Arbitrary<string> => {
  if (e.ready !== undefined) {
    const ids = fc.oneof({ arbitrary: fc.constant(PLACEMENTS[e.ready]), weight: 2 }, { arbitrary: pick(Object.values(PLACEMENTS)), weight: 1 });
    return ids.map((id) => e.route.replace(':id', id));
  }
  return fc.constant(e.route.includes(':financialYear') ? BUDGET_PATH : e.route);
};

/** A body whose value at one leaf is replaced by something the arbitrary makes. */
function atLeaf(e: WriteEndpoint, which: (spec: Spec) => boolean, value: (spec: Spec) => fc.Arbitrary<unknown>): fc.Arbitrary<() => Wire> | undefined {
  const leaves = leavesOf(e.fields, e.body).filter((l) => which(l.spec));
  if (leaves.length === 0) return undefined;
  return fc.tuple(paths(e), pick(leaves).chain((l) => fc.tuple(fc.constant(l.path), value(l.spec))))
    .map(([path, [at, v]]) => () => json(e.method, path, edited(e.body, at, v)));
}

/** A body somewhere inside which (at the root or in a nested object) a key is defined. */
function withKey(e: WriteEndpoint, keys: fc.Arbitrary<string>, values: fc.Arbitrary<unknown>): fc.Arbitrary<() => Wire> {
  const places = objectsOf(e);
  return fc.tuple(paths(e), pick(places), keys, values)
    .filter(([, place, key]) => !Object.hasOwn(place.fields, key))
    .map(([path, place, key, value]) => () => json(e.method, path, edited(e.body, [...place.path, key], value, true)));
}

/** Bodies no decoder accepts for the Content-Encoding they claim, unknown codings, and a gzip bomb past the limit. */
function badEncoding(e: WriteEndpoint): fc.Arbitrary<() => Wire> {
  const text = serialise(e.body);
  const gz = zlib.gzipSync(text);
  const df = zlib.deflateSync(text);
  const send = (coding: string, body: () => Buffer) => paths(e).map((path) => () => raw(e.method, path, body(), { 'Content-Type': 'application/json', 'Content-Encoding': coding }));
  return fc.oneof(
    fc.constantFrom('gzip', 'deflate').chain((coding) => send(coding, () => Buffer.from(text))),
    fc.integer({ min: 1, max: gz.length - 1 }).chain((k) => send('gzip', () => gz.subarray(0, k))),
    fc.integer({ min: 1, max: df.length - 1 }).chain((k) => send('deflate', () => df.subarray(0, k))),
    fc.integer({ min: 10, max: gz.length - 1 }).chain((k) => send('gzip', () => flipped(gz, k))),
    fc.integer({ min: 2, max: df.length - 1 }).chain((k) => send('deflate', () => flipped(df, k))),
    pick(['compress', 'zstd', 'x-custom', 'exi', 'pack200-gzip', 'gzip, zstd']).chain((coding) => send(coding, () => Buffer.from(text))),
    fc.integer({ min: 1, max: 8 }).chain((mb) => send('gzip', () => zlib.gzipSync(serialise({ ...e.body, padding: '0'.repeat(mb * 1024 * 1024) })))),
  );
}

type Generator = (e: WriteEndpoint) => fc.Arbitrary<() => Wire> | undefined;
const valid = (e: WriteEndpoint, headers: fc.Arbitrary<Record<string, string>>, path = paths(e)) =>
  fc.tuple(path, headers).map(([p, h]) => () => json(e.method, p, e.body, h));

/** Each kind of hostility: a generator of requests for an endpoint, or undefined where it does not apply. */
const KINDS: Readonly<Record<string, Generator>> = {
  'missing field': (e) => {
    const required = leavesOf(e.fields, e.body).filter((l) => l.spec.required && typeof l.path[l.path.length - 1] === 'string');
    return required.length === 0 ? undefined : fc.tuple(paths(e), pick(required)).map(([p, l]) => () => json(e.method, p, edited(e.body, l.path, undefined)));
  },
  'unknown field': (e) => (bodyless(e) ? undefined : withKey(e, UNKNOWN_KEYS, fc.jsonValue({ maxDepth: 2 }))),
  'wrong type': (e) => atLeaf(e, () => true, wrongType),
  'huge string': (e) => atLeaf(e, (s) => s.type === 'text', (s) => fc.integer({ min: (s as { max: number }).max + 1, max: (s as { max: number }).max + 60_000 }).map((n) => 'x'.repeat(n))),
  'number out of range': (e) => atLeaf(e, (s) => s.type === 'number', (s) => outOfRange(s as Extract<Spec, { type: 'number' }>)),
  'bad date': (e) => atLeaf(e, (s) => s.type === 'date', () => badDate),
  'bad enum or id': (e) => atLeaf(e, (s) => s.type === 'enum' || s.type === 'uuid', (s) => (s.type === 'enum' ? badEnum(s.values) : badUuid)),
  'array for an object': (e) => {
    const objects = objectsOf(e);
    return fc.tuple(paths(e), pick(objects), fc.nat(2)).map(([p, o, shape]) => () => {
      const inner = valueAt(e.body, o.path);
      return json(e.method, p, edited(e.body, o.path, [[], [inner], [[inner]]][shape]));
    });
  },
  'NUL or lone surrogate': (e) => {
    const strings = leavesOf(e.fields, e.body).filter((l) => typeof valueAt(e.body, l.path) === 'string');
    const inValue = strings.length === 0 ? undefined : fc.tuple(paths(e), pick(strings), pick(BAD_CHARS), fc.nat()).map(([p, l, bad, at]) => () => {
      const s = String(valueAt(e.body, l.path));
      return json(e.method, p, edited(e.body, l.path, s.slice(0, at % (s.length + 1)) + bad + s.slice(at % (s.length + 1))));
    });
    const inKey = withKey(e, pick(BAD_CHARS).map((bad) => `note${bad}`), fc.constant('x'));
    const inNewValue = withKey(e, fc.constant('note'), pick(BAD_CHARS).map((bad) => `a${bad}b`));
    return fc.oneof(...(inValue === undefined ? [] : [inValue]), inKey, inNewValue);
  },
  'deep nesting': (e) => {
    const depth = fc.oneof(fc.integer({ min: 33, max: 200 }), fc.integer({ min: 200, max: 30_000 }));
    return withKey(e, fc.constant('nested'), fc.tuple(depth, pick(['object', 'array'] as const)).map(([d, shape]) => deep(d, shape)));
  },
  'prototype key': (e) => withKey(e, pick(PROTO_KEYS), pick<unknown>([{ polluted: true }, 'x', { toString: 'x' }, [{ polluted: true }]])),
  'scalar body': (e) => fc.tuple(paths(e), pick(['null', '0', '-1', '"text"', 'true', 'false', '1e400', `"${'x'.repeat(1000)}"`]))
    .map(([p, body]) => () => raw(e.method, p, body, { 'Content-Type': 'application/json' })),
  'invalid JSON': (e) => {
    const s = serialise(e.body);
    const texts = fc.oneof(
      fc.integer({ min: 1, max: s.length - 1 }).map((k) => s.slice(0, k)),
      pick([`${s}}`, `${s},`, `${s.slice(0, -1)},}`, s.replace(/"/g, "'"), `{${s}`, `${s}x`, `\ufeff${s.slice(0, -1)}`, `/* c */${s}`, s.replace(/"([A-Za-z]+)":/g, '$1:'),
        '{"a":1,}', '{,}', '{"a" 1}', '[1,]', '{"a":undefined}', '{"a":NaN}']).map(ensureInvalidJson),
      fc.uint8Array({ minLength: 1, maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
    );
    return fc.tuple(paths(e), texts).map(([p, body]) => () => raw(e.method, p, body, { 'Content-Type': 'application/json' }));
  },
  'wrong content type': (e) => fc.tuple(paths(e), pick(CONTENT_TYPES)).map(([p, type]) => () =>
    raw(e.method, p, serialise(e.body), type === 'none' ? {} : { 'Content-Type': type })),
  'odd charset': (e) => fc.tuple(paths(e), pick(CHARSETS)).map(([p, charset]) => () =>
    raw(e.method, p, serialise(e.body), { 'Content-Type': `application/json; charset=${charset}` })),
  'bad Content-Encoding': badEncoding,
  'body over the limit': (e) => fc.tuple(paths(e), fc.integer({ min: BODY_LIMIT_BYTES + 1, max: 3 * 1024 * 1024 }), fc.boolean()).map(([p, size, padded]) => () =>
    raw(e.method, p, padded ? serialise({ ...e.body, padding: 'x'.repeat(size) }) : `${' '.repeat(size)}${serialise(e.body)}`, { 'Content-Type': 'application/json' })),
  'bad Idempotency-Key': (e) => valid(e, BAD_KEYS.map((key) => ({ 'Idempotency-Key': key }))),
  'reused Idempotency-Key': (e) => {
    const setup = e.setupKey;
    return setup === undefined ? undefined : fc.tuple(paths(e), fc.boolean()).map(([p, same]) => () => json(e.method, p, same ? setup.first : setup.other, { 'Idempotency-Key': setup.key }));
  },
  'bad If-Match': (e) => (e.route.includes(':id') ? valid(e, pick(BAD_IF_MATCH).map((tag) => ({ 'If-Match': tag }))) : undefined),
  'unknown placement': (e) => (e.route.includes(':id') ? valid(e, fc.constant({}), fc.uuid({ version: 4 }).map((id) => e.route.replace(':id', id))) : undefined),
  'odd path parameter': (e) => {
    const odd = oddPath(e);
    return odd === undefined ? undefined : valid(e, fc.constant({}), odd);
  },
  'wrong method': (e) => fc.tuple(paths(e), pick(['PATCH', 'DELETE', e.method === 'PUT' ? 'POST' : 'PUT'])).map(([p, method]) => () => json(method, p, e.body)),
  'NUL in the query': (e) => fc.tuple(paths(e), pick(['?note=%00', '?%00=1', '?a=b%00c', '?x=%00&y=1'])).map(([p, query]) => () => json(e.method, p + query, e.body)),
};

/** Kinds a route that reads no body may answer 2xx: what they break is a body it ignores. */
const IGNORED_BY_BODYLESS = new Set(['unknown field', 'array for an object', 'invalid JSON', 'wrong content type', 'odd charset']);

export function hostileRequest(): fc.Arbitrary<HostileRequest> {
  return pick(ENDPOINTS).chain((endpoint) => {
    const kinds = Object.entries(KINDS).flatMap(([kind, generate]) => {
      const wires = generate(endpoint);
      return wires === undefined ? [] : [wires.map((wire): HostileRequest => ({ kind, endpoint, wire, mustRefuse: !(bodyless(endpoint) && IGNORED_BY_BODYLESS.has(kind)) }))];
    });
    return fc.oneof(...kinds);
  });
}

/** Replays with the same key and body are answered as the first time: the one kind the API may accept. */
export const mayAccept = (request: HostileRequest, wire: Wire) =>
  !request.mustRefuse || (request.kind === 'reused Idempotency-Key' && wire.body?.equals(Buffer.from(serialise(request.endpoint.setupKey?.first))) === true);

export const acceptedAs = (request: HostileRequest, wire: Wire) => (!request.mustRefuse ? 'a job, which reads no body'
  : mayAccept(request, wire) ? 'an Idempotency-Key replayed with its first body' : 'a request it must refuse (a violation)');

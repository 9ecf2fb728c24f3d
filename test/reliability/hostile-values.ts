/** Values, keys and path segments that no write route may accept, as fast-check arbitraries. */
import fc from 'fast-check';
import { isLedgerFinancialYear } from '../../apps/api/src/http/validators';
import { Raw } from './hostile-bodies';
import { NEVER_CREATED, type Spec, type WriteEndpoint } from './write-endpoints';

export const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);

const scalars = fc.oneof(fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}));

export function wrongType(spec: Spec): fc.Arbitrary<unknown> {
  const nullIfRequired = spec.required ? [fc.constant(null)] : [];
  switch (spec.type) {
    case 'text':
    case 'date':
    case 'uuid':
      return fc.oneof(scalars, fc.array(fc.string(), { minLength: 1, maxLength: 3 }), ...nullIfRequired);
    case 'enum':
      return fc.oneof(scalars, pick(spec.values).map((v) => [v]), ...nullIfRequired);
    case 'number':
      return fc.oneof(fc.boolean(), fc.constant([]), fc.constant({}), fc.integer({ min: spec.min, max: Math.min(spec.max, 1e9) }).map((n) => [String(n), [n]]).chain(pick), ...nullIfRequired);
    case 'object':
      return fc.oneof(fc.string(), fc.integer(), fc.boolean(), ...nullIfRequired);
    case 'list':
      return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant({}), ...nullIfRequired);
    default: {
      const unreachable: never = spec;
      throw new Error(`unknown spec ${String(unreachable)}`);
    }
  }
}

/** Numbers no field accepts: outside the range, fractions, NaN-like strings, and JSON numbers JavaScript cannot hold. */
export function outOfRange(spec: Extract<Spec, { type: 'number' }>): fc.Arbitrary<unknown> {
  const fraction = spec.decimals === 0 ? 0.5 : 0.05;
  return fc.oneof(
    fc.integer({ min: -2_000_000_000, max: spec.min - 1 }),
    fc.double({ min: spec.max + 1, max: 1e300, noNaN: true }),
    fc.integer({ min: spec.min, max: Math.min(spec.max - 1, 1e9) }).map((n) => n + fraction),
    pick(['NaN', 'Infinity', '-1', '1e3', '0x10', '', ' 1', '£950']),
    pick(['1e400', '-1e400', '9'.repeat(400), 'NaN', 'Infinity', '-Infinity', '+1', '01', '.5', '0x1F', '1_000']).map((t) => new Raw(t)),
  );
}

const BAD_DATES = ['2026-02-30', '2026-02-29', '2025-04-31', '2026-13-01', '2026-00-10', '2026-11-00', '2026-11-32', '30/11/2026', '2026/11/30',
  '2026-11-30T00:00:00Z', '20261130', '2026-11-3', '26-11-30', ' 2026-11-30', '2026-11-30 ', '２０２６-１１-３０', '2026‐11‐30', '+2026-11-30',
  'tomorrow', '', '0000-00-00', '2026-W48', '2026-334', '1900-01-01', '3000-01-01', '1999-12-31', '2100-01-01'];

export const badDate = fc.oneof(
  pick(BAD_DATES),
  fc.tuple(fc.oneof(fc.integer({ min: 1000, max: 1999 }), fc.integer({ min: 2100, max: 9999 })), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.integer({ min: 0, max: 2_000_000_000_000 }),
);

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const badUuid = fc.oneof(
  pick(['not-a-uuid', '6ba7b810-9dad-11d1-80b4-00c04fd430c8', '00000000-0000-0000-0000-000000000000', `{${NEVER_CREATED}}`, `${NEVER_CREATED}0`, NEVER_CREATED.replace(/-/g, '')]),
  fc.string({ maxLength: 40 }),
).filter((s) => !UUID_V4.test(s));

export function badEnum(values: readonly string[]): fc.Arbitrary<string> {
  const variants = pick(values).chain((v) => pick([v.toUpperCase(), v.toLowerCase(), ` ${v}`, `${v} `, `${v}\n`, v + v, v.slice(1)]));
  return fc.oneof(variants, fc.string({ maxLength: 20 })).filter((s) => !values.includes(s));
}

const OBJECT_MACHINERY = ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__'];
export const UNKNOWN_KEYS = fc.oneof(pick([...OBJECT_MACHINERY, 'id', 'placementid', 'ChildRef', 'childRef ', '', ' ', '$where', 'then', 'length', '0']), fc.string({ minLength: 1, maxLength: 24 }));
export const BAD_CHARS = ['\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'];
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

export const deep = (depth: number, shape: 'object' | 'array') => new Raw(shape === 'object' ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`);

export const ensureInvalidJson = (s: string): string => {
  try {
    JSON.parse(s);
    return `${s},`;
  } catch {
    return s;
  }
};

export function flipped(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] ^= 0x55;
  return copy;
}

export const BAD_KEYS = fc.oneof(
  fc.constant(''),
  fc.integer({ min: 201, max: 4000 }).map((n) => 'k'.repeat(n)),
  fc.tuple(fc.stringMatching(/^[A-Za-z0-9]{1,20}$/), pick([' ', '\t', 'é', '\u00a0', '\u00ff']), fc.stringMatching(/^[A-Za-z0-9]{1,20}$/)).map(([a, sep, b]) => a + sep + b),
);
export const BAD_IF_MATCH = ['abc', '"abc"', '"-1"', '"1.5"', `"${'9'.repeat(16)}"`, '*', '"1", "2"', '""', 'W/', '"999999"', 'W/"999999"', '999999'];
export const CONTENT_TYPES = ['text/plain', 'text/json', 'application/xml', 'application/octet-stream', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/javascript', 'application/jsonl', 'json', 'none'];
export const CHARSETS = ['latin-9', 'iso-8859-1', 'us-ascii', 'windows-1252', 'ebcdic-cp-us', 'utf8', 'utf-7', 'x-unknown', 'utf-16le', 'utf-16be', 'utf-32', 'koi8-r', 'shift_jis'];
const BAD_IDS = ['not-a-uuid', '123', '6ba7b810-9dad-11d1-80b4-00c04fd430c8', '00000000-0000-0000-0000-000000000000', `%7B${NEVER_CREATED}%7D`, `${NEVER_CREATED}x`,
  '%00', '%ZZ', '%ED%A0%80', '..', '%2e%2e', '%C3%A4', '%F0%9F%98%80', 'x%2Fy', `${NEVER_CREATED}%00`, '%20'];
const BAD_YEARS = ['2026-28', '1999-00', '2099-00', '2026', '26-27', '2026-27%00', '%ZZ', '%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96-27', '2026-27x', '%20'];
const BAD_COST_CENTRES = ['-CC', 'CC%20IFA', 'C'.repeat(41), 'CC%2FIFA', '%00', 'CC%C3%A9', '.hidden', '%ZZ', '%20'];
const COST_CENTRE = /^[A-Za-z0-9][A-Za-z0-9\-_.]{0,39}$/;
const decoded = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export function oddPath(e: WriteEndpoint): fc.Arbitrary<string> | undefined {
  const free = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent);
  if (e.route.includes(':id')) {
    const ids = fc.oneof(pick(BAD_IDS), free, fc.integer({ min: 200, max: 6000 }).map((n) => 'a'.repeat(n))).filter((id) => !UUID_V4.test(decoded(id)));
    return ids.map((id) => e.route.replace(':id', id));
  }
  if (!e.route.includes(':financialYear')) return undefined;
  const years = fc.oneof(pick(BAD_YEARS), free).filter((y) => !isLedgerFinancialYear(decoded(y))).map((y) => `/api/budgets/${y}/CC-IFA`);
  const centres = fc.oneof(pick(BAD_COST_CENTRES), free).filter((c) => !COST_CENTRE.test(decoded(c))).map((c) => `/api/budgets/2026-27/${c}`);
  return fc.oneof(years, centres);
}

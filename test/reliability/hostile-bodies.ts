/** The bytes of a hostile request: JSON with raw splices, a valid body edited at one path, and the fields present in a body. */
import { optional, type Fields, type Spec, type WriteEndpoint } from './write-endpoints';

/** The bytes one hostile request sends, besides the bearer token. */
export interface Wire {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

/** JSON text spliced in where a value goes: numbers JSON.stringify cannot write, deep nesting. */
export class Raw {
  constructor(readonly text: string) {}
}

export function serialise(value: unknown): string {
  const raws: string[] = [];
  const json = JSON.stringify(value, (_key, v: unknown) => (v instanceof Raw ? `\u0001raw${raws.push(v.text) - 1}` : v)) ?? '';
  return json.replace(/"\\u0001raw(\d+)"/g, (_m, i: string) => raws[Number(i)]);
}

type Path = readonly (string | number)[];
type Json = Record<string, unknown>;

const clone = (body: Readonly<Json>): Json => structuredClone(body) as Json;
const parentOf = (root: unknown, path: Path): Record<string | number, unknown> =>
  path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, root as Record<string | number, unknown>);

/** The body with the value at `path` replaced (`path` empty: the whole body), or removed when `value` is undefined. */
export function edited(body: Readonly<Json>, path: Path, value: unknown, own = false): unknown {
  if (path.length === 0) return value;
  const copy = clone(body);
  const parent = parentOf(copy, path);
  const key = path[path.length - 1];
  if (value === undefined) delete parent[key];
  else if (own) Object.defineProperty(parent, key, { value, enumerable: true, configurable: true, writable: true });
  else parent[key] = value;
  return copy;
}

export const valueAt = (body: Readonly<Json>, path: Path): unknown => (path.length === 0 ? body : parentOf(body, path)[path[path.length - 1]]);

interface Leaf { readonly path: Path; readonly spec: Spec }

/** Every field present in the body, nested ones and a list's first item included. */
export function leavesOf(fields: Fields, value: Readonly<Json>, prefix: Path = []): Leaf[] {
  return Object.entries(fields).flatMap(([name, spec]): Leaf[] => {
    const present = value[name];
    if (present === undefined) return [];
    const here: Leaf = { path: [...prefix, name], spec };
    if (spec.type === 'object') return [here, ...leavesOf(spec.fields, present as Json, here.path)];
    if (spec.type !== 'list' || !Array.isArray(present) || present.length === 0) return [here];
    const item: Leaf = { path: [...here.path, 0], spec: optional(spec.of) };
    return [here, item, ...(spec.of.type === 'object' ? leavesOf(spec.of.fields, present[0] as Json, item.path) : [])];
  });
}

export const objectsOf = (e: WriteEndpoint): { path: Path; fields: Fields }[] => [
  { path: [], fields: e.fields },
  ...leavesOf(e.fields, e.body).flatMap((l) => (l.spec.type === 'object' ? [{ path: l.path, fields: l.spec.fields }] : [])),
];

export const json = (method: string, path: string, body: unknown, headers: Record<string, string> = {}): Wire =>
  ({ method, path, headers: { 'Content-Type': 'application/json', ...headers }, body: Buffer.from(serialise(body)) });

export const raw = (method: string, path: string, body: Buffer | string, headers: Record<string, string>): Wire =>
  ({ method, path, headers, body: Buffer.isBuffer(body) ? body : Buffer.from(body) });

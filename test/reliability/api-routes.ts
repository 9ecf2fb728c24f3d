/** The routes the API serves under /api and /health, read from the controllers, and where express and docs/api.md disagree with them. */
import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROLES, type Role } from '@ledger/application';
import { PUBLIC_KEY, ROLES_KEY } from '../../apps/api/src/auth/auth.decorators';

/** Who may call a route: anyone (`public`) or a token carrying one of these roles. */
export type Access = 'public' | readonly Role[];

/** One route the API serves, with the access its decorators give it (as the AuthGuard reads them). */
export interface ApiRoute {
  readonly method: string;
  /** As express names it: `/api/placements/:id/commission`. */
  readonly path: string;
  readonly access: Access;
}

const API_PATH = /^\/(api|health)(\/|$)/;
const routeKey = (method: string, routePath: string) => `${method} ${routePath.replace(/\{[^}]+\}|:[A-Za-z]+/g, ':param')}`;

const joinPath = (...parts: string[]) => `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p !== '').join('/')}`;
const pathsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value ?? '')]);

/** Every route under /api and /health, read from the controllers' metadata: the list the guard protects. */
export function apiRoutes(app: INestApplication): ApiRoute[] {
  const reflector = new Reflector();
  const routes: ApiRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (typeof controller !== 'function') continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler: unknown = Object.getOwnPropertyDescriptor(controller.prototype, name)?.value;
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const targets = [handler, controller];
        const access: Access = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ? 'public' : reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
        for (const base of pathsOf(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const own of pathsOf(Reflect.getMetadata(PATH_METADATA, handler))) {
            routes.push({ method: RequestMethod[method], path: joinPath(base, own), access });
          }
        }
      }
    }
  }
  return routes.filter((r) => API_PATH.test(r.path)).sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** The routes express itself would dispatch under /api and /health, to check the metadata missed none. */
function expressRoutes(app: INestApplication): Set<string> {
  const instance = app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  const keys = instance.router.stack.flatMap((layer) => (layer.route === undefined || !API_PATH.test(layer.route.path) ? []
    : Object.keys(layer.route.methods).map((m) => routeKey(m.toUpperCase(), layer.route!.path))));
  return new Set(keys);
}

/** The roles docs/api.md gives each route: a `role` column, "any role", or the section heading's "(x writes, every role reads)". */
export function documentedAccess(markdown: string): Map<string, Access | undefined> {
  const documented = new Map<string, Access | undefined>();
  let heading = '';
  let roleColumn = -1;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) [heading, roleColumn] = [line, -1];
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells[0] === 'method and path') roleColumn = cells.indexOf('role');
    const row = /^`(GET|POST|PUT|PATCH|DELETE) (\/[^`?\s]*)[^`]*`$/.exec(cells[0] ?? '');
    if (row !== null && API_PATH.test(row[2])) {
      const stated = roleColumn >= 0 ? cells[roleColumn] : cells.find((c) => /\b(any|every) role\b/.test(c));
      documented.set(routeKey(row[1], row[2]), rolesIn(stated) ?? fromHeading(heading, row[1]));
    }
    const bullet = /^- `(GET) (\/[^`\s]+)` \(public\)/.exec(line);
    if (bullet !== null && API_PATH.test(bullet[2])) documented.set(routeKey(bullet[1], bullet[2]), 'public');
  }
  return documented;
}

function rolesIn(text: string | undefined): readonly Role[] | undefined {
  if (text === undefined) return undefined;
  if (/\b(any|every) role\b/.test(text)) return ROLES;
  const roles = ROLES.filter((r) => new RegExp(`\\b${r}\\b`).test(text));
  return roles.length === 0 ? undefined : roles;
}

function fromHeading(heading: string, method: string): Access | undefined {
  if (method === 'GET' && /every role( reads|\))/.test(heading)) return ROLES;
  const writer = /\((\w+) writes/.exec(heading)?.[1];
  return method !== 'GET' && writer !== undefined ? rolesIn(writer) : undefined;
}

export const accessLabel = (access: Access | undefined) => (access === undefined ? 'not stated' : access === 'public' ? 'public'
  : access.length === ROLES.length ? 'every role' : access.length === 0 ? 'no role' : [...access].sort().join(', '));

/** docs/api.md, found from this file upwards (it runs from test/ and from dist/test/). */
function readApiDocs(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'docs', 'api.md');
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  }
  throw new Error(`docs/api.md not found above ${__dirname}`);
}

/** Where the decorators, express and docs/api.md disagree about the routes or who may call them. */
export function routeDisagreements(app: INestApplication, routes: readonly ApiRoute[]): string[] {
  const served = expressRoutes(app);
  const fromMetadata = new Set(routes.map((r) => routeKey(r.method, r.path)));
  const documented = documentedAccess(readApiDocs());
  return [
    ...[...served].filter((k) => !fromMetadata.has(k)).map((k) => `${k} is served by express but not found in the controllers' metadata`),
    ...[...fromMetadata].filter((k) => !served.has(k)).map((k) => `${k} is in the controllers' metadata but express does not serve it`),
    ...routes.flatMap((r) => {
      const key = routeKey(r.method, r.path);
      if (!documented.has(key)) return [`${r.method} ${r.path} is not in docs/api.md`];
      const stated = accessLabel(documented.get(key));
      return stated === accessLabel(r.access) ? [] : [`${r.method} ${r.path}: the decorator allows ${accessLabel(r.access)}, docs/api.md says ${stated}`];
    }),
    ...[...documented.keys()].filter((k) => !fromMetadata.has(k)).map((k) => `${k} is in docs/api.md but the API does not serve it`),
  ];
}

import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { RequestValidationError, type FieldError } from './problem';

/** Deeper than any request the ledger takes; a JSON body nested further is refused before anything walks it. */
export const MAX_JSON_DEPTH = 32;

/**
 * Keys that name an object's machinery, never a field: refused like any other unknown field. Object.prototype's
 * own names (`toString`, `hasOwnProperty`, ...) are among them because class-transformer silently drops a key
 * whose name is a method on the DTO, so the validation pipe would never see it to refuse it.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

/** NUL, which PostgreSQL cannot store in text, and UTF-16 halves without their other half. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const fieldOf = (path: readonly (string | number)[]) => path.map(String).join('.') || '(body)';

/**
 * The first problem in a parsed body or query, walking it without recursion (so no depth can overflow
 * the stack): nesting beyond MAX_JSON_DEPTH, a forbidden key, or text the database cannot store.
 */
export function firstHostileInput(value: unknown): FieldError | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) return { field: fieldOf(path), message: 'must not contain NUL characters or unpaired UTF-16 surrogates' };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= MAX_JSON_DEPTH) return { field: fieldOf(path), message: `is nested more than ${MAX_JSON_DEPTH} levels deep` };
    const entries: [string | number, unknown][] = Array.isArray(current) ? current.map((item, i) => [i, item]) : Object.entries(current);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) return { field: fieldOf([...path, key]), message: 'should not exist' };
      if (typeof key === 'string' && UNSTORABLE.test(key)) return { field: fieldOf(path), message: 'has a key with NUL characters or unpaired UTF-16 surrogates' };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}

/**
 * Runs before the interceptors (the idempotency fingerprint) and the pipes, on the API and the pages
 * alike: a hostile body or query is a 400 naming the field, and nothing runs.
 */
@Injectable()
export class HostileInputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const problem = firstHostileInput(request.body) ?? firstHostileInput(request.query);
    if (problem !== undefined) throw new RequestValidationError([problem]);
    return true;
  }
}

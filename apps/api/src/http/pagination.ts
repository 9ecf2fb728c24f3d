import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_PAGE_ROWS = 100;
export const MAX_PAGE_ROWS = 1000;

/** The page of every list in a report's answer: `limit` rows from `offset`. */
export class PageQuery {
  @ApiPropertyOptional({ default: DEFAULT_PAGE_ROWS, minimum: 1, maximum: MAX_PAGE_ROWS, description: 'Rows of each list in the answer (movements, reviews, compliance rows); the totals say how many there are' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_ROWS) limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, description: 'Rows of each list to skip' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100_000_000) offset?: number;
}

export interface Pagination {
  readonly limit: number;
  readonly offset: number;
  /** Each list's full length, by its path in the answer (`movements`, `reviews.terms`). */
  readonly totals: Readonly<Record<string, number>>;
}

type Json = Record<string, unknown>;

/**
 * The report with each list at `paths` cut to the page asked for, and `pagination` giving the page
 * and every list's total. The report itself is left as it was (it may be kept for the next request).
 */
export function paged<T extends object>(report: T, page: PageQuery, paths: readonly string[]): T & { pagination: Pagination } {
  const limit = page.limit ?? DEFAULT_PAGE_ROWS;
  const offset = page.offset ?? 0;
  const totals: Record<string, number> = {};
  let answer = { ...report } as Json;
  for (const path of paths) answer = cut(answer, path.split('.'), (list) => {
    totals[path] = list.length;
    return list.slice(offset, offset + limit);
  });
  return { ...answer, pagination: { limit, offset, totals } } as T & { pagination: Pagination };
}

/** A copy of `node` with the array at `path` replaced by `slice` of it (copies only along the path). */
function cut(node: Json, [key, ...rest]: readonly string[], slice: (list: readonly unknown[]) => unknown[]): Json {
  const child = node[key];
  if (rest.length === 0) return Array.isArray(child) ? { ...node, [key]: slice(child) } : node;
  return child !== null && typeof child === 'object' ? { ...node, [key]: cut(child as Json, rest, slice) } : node;
}

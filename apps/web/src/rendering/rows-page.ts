/** One page of a list already in hand, with the GOV.UK pagination component's parameters to reach the others. */
export interface RowsPage<T> {
  readonly rows: readonly T[];
  /** Which rows these are, counted from 1, of how many. */
  readonly first: number;
  readonly last: number;
  readonly total: number;
  readonly pagination?: {
    readonly previous?: { readonly href: string };
    readonly next?: { readonly href: string };
    readonly items: readonly ({ readonly ellipsis: true } | { readonly number: string; readonly href: string; readonly current: boolean })[];
  };
}

/**
 * Page `page` (from 1) of `size` rows, or undefined when there is no such page (a link kept after the
 * list shrank, or typed by hand), so the caller can say so. An empty list has one, empty, page.
 */
export function rowsPage<T>(all: readonly T[], page: number, size: number, hrefFor: (page: number) => string): RowsPage<T> | undefined {
  const pages = Math.max(1, Math.ceil(all.length / size));
  if (page < 1 || page > pages) return undefined;
  const rows = all.slice((page - 1) * size, page * size);
  const base = { rows, first: rows.length === 0 ? 0 : (page - 1) * size + 1, last: (page - 1) * size + rows.length, total: all.length };
  if (pages === 1) return base;
  // The first, the last, and the pages either side of this one; gaps shown as an ellipsis.
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: NonNullable<RowsPage<T>['pagination']>['items'][number][] = [];
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1] > 1) items.push({ ellipsis: true });
    items.push({ number: String(n), href: hrefFor(n), current: n === page });
  });
  return {
    ...base,
    pagination: { ...(page > 1 ? { previous: { href: hrefFor(page - 1) } } : {}), ...(page < pages ? { next: { href: hrefFor(page + 1) } } : {}), items },
  };
}

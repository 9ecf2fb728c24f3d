import { PLACEMENT_TYPES } from '@ledger/domain';
import { PLACEMENT_SORT_COLUMNS, PLACEMENT_STATUSES, type PlacementListFilter, type PlacementSortColumn, type PlacementStatus, type ReviewFilter } from '@ledger/projections';

export const PAGE_SIZE = 25;

const REVIEW_KINDS: readonly ReviewFilter['kind'][] = ['due', 'overdue', 'due-or-overdue'];
export const REVIEW_WORDS: Readonly<Record<ReviewFilter['kind'], string>> = {
  due: 'Review due soon', overdue: 'Review overdue', 'due-or-overdue': 'Review due or overdue',
};

/** The list's query parameters, read leniently: an unknown value is no filter, not an error page. */
export interface ListParams {
  readonly status?: PlacementStatus;
  readonly costCentre?: string;
  readonly placementType?: string;
  readonly review?: ReviewFilter['kind'];
  readonly childRef?: string;
  readonly sort?: PlacementSortColumn;
  readonly order: 'asc' | 'desc';
  readonly page: number;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 40) : undefined);
const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined => (allowed as readonly unknown[]).includes(value) ? (value as T) : undefined;

export function readListParams(query: Readonly<Record<string, unknown>>): ListParams {
  const page = Number(text(query.page) ?? '1');
  return {
    status: oneOf(query.status, PLACEMENT_STATUSES),
    costCentre: text(query.costCentre),
    placementType: oneOf(query.placementType, Object.keys(PLACEMENT_TYPES)),
    review: oneOf(query.review, REVIEW_KINDS),
    childRef: text(query.childRef),
    sort: oneOf(query.sort, Object.keys(PLACEMENT_SORT_COLUMNS) as PlacementSortColumn[]),
    order: query.order === 'desc' ? 'desc' : 'asc',
    page: Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** One page of the list, asking for one row more than shown to learn whether there is a next page. */
export function filterFor(params: ListParams, asOf: string, reviewWithinDays: number): PlacementListFilter {
  return {
    status: params.status, costCentre: params.costCentre, placementType: params.placementType, childRef: params.childRef,
    review: params.review === undefined ? undefined : { kind: params.review, asOf, withinDays: reviewWithinDays },
    sort: params.sort === undefined ? undefined : { column: params.sort, direction: params.order },
    limit: PAGE_SIZE + 1, offset: (params.page - 1) * PAGE_SIZE,
  };
}

/** The list's address with some parameters changed; blank ones are left out, so links stay short. */
export function listHref(params: ListParams, changes: Partial<Record<keyof ListParams, string | number | undefined>>): string {
  const merged: Record<string, string | number | undefined> = { ...params, ...changes };
  if (merged.sort === undefined) delete merged.order;
  if (merged.page === 1) delete merged.page;
  if (merged.order === 'asc') delete merged.order;
  const search = new URLSearchParams();
  for (const key of ['childRef', 'status', 'costCentre', 'placementType', 'review', 'sort', 'order', 'page']) {
    const value = merged[key];
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query === '' ? '/placements' : `/placements?${query}`;
}

/** A column heading that sorts by its column: a link (no script needed), with aria-sort on the current one. */
export function sortHeading(params: ListParams, column: PlacementSortColumn, label: string, numeric = false) {
  const current = params.sort === column ? params.order : undefined;
  const next = current === 'asc' ? 'desc' : 'asc';
  const href = listHref(params, { sort: column, order: next, page: 1 });
  return {
    html: `<a class="govuk-link govuk-link--no-visited-state" href="${href.replace(/&/g, '&amp;')}">${label}<span class="govuk-visually-hidden">, sort ${next === 'asc' ? 'ascending' : 'descending'}</span></a>`,
    attributes: { 'aria-sort': current === undefined ? 'none' : current === 'asc' ? 'ascending' : 'descending' },
    format: numeric ? 'numeric' : undefined,
  };
}

/** GOV.UK pagination: previous, the pages around this one, next when there is more. */
export function pagination(params: ListParams, hasMore: boolean) {
  const page = params.page;
  const numbers = page <= 3 ? Array.from({ length: page }, (_, i) => i + 1) : [1, 0, page - 1, page];
  if (hasMore) numbers.push(page + 1);
  if (numbers.length <= 1) return undefined;
  return {
    previous: page > 1 ? { href: listHref(params, { page: page - 1 }) } : undefined,
    next: hasMore ? { href: listHref(params, { page: page + 1 }) } : undefined,
    items: numbers.map((n) => (n === 0 ? { ellipsis: true } : { number: String(n), href: listHref(params, { page: n }), current: n === page })),
  };
}

/** The filters in force, each a tag that removes itself, for the MoJ filter's "selected filters". */
export function selectedFilters(params: ListParams, statusWords: Readonly<Record<string, string>>) {
  const categories = [
    { heading: 'Child reference', value: params.childRef, key: 'childRef' as const, words: params.childRef },
    { heading: 'Status', value: params.status, key: 'status' as const, words: params.status && statusWords[params.status] },
    { heading: 'Cost centre', value: params.costCentre, key: 'costCentre' as const, words: params.costCentre },
    { heading: 'Placement type', value: params.placementType, key: 'placementType' as const, words: params.placementType },
    { heading: 'Reviews', value: params.review, key: 'review' as const, words: params.review && REVIEW_WORDS[params.review] },
  ].filter((category) => category.value !== undefined);
  if (categories.length === 0) return undefined;
  return {
    heading: { text: 'Selected filters' },
    clearLink: { text: 'Clear filters', href: listHref({ order: params.order, page: 1, sort: params.sort }, {}) },
    categories: categories.map((c) => ({ heading: { text: c.heading }, items: [{ href: listHref(params, { [c.key]: undefined, page: 1 }), text: c.words ?? '' }] })),
  };
}

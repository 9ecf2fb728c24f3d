import type { PlacementStatus } from './placement-summary';

/** Columns the placements list may be sorted by, each with the SQL that orders it. */
export const PLACEMENT_SORT_COLUMNS = {
  childRef: 'child_ref',
  status: 'status',
  provider: 'provider_name',
  weeklyRate: 'weekly_rate_pence',
  startDate: 'start_date',
  termEnd: 'term_end',
  costCentre: 'cost_centre',
} as const;
export type PlacementSortColumn = keyof typeof PLACEMENT_SORT_COLUMNS;

/**
 * Reviews awaited: a commissioned placement whose current term has no review recorded yet, with the
 * term ending within `withinDays` of `asOf` (due) or on or before it (overdue), as GET /api/renewals counts them.
 */
export interface ReviewFilter {
  readonly kind: 'due' | 'overdue' | 'due-or-overdue';
  /** Today in the council's zone, handed in by the caller. */
  readonly asOf: string;
  readonly withinDays: number;
}

export interface PlacementListFilter {
  readonly status?: PlacementStatus;
  readonly costCentre?: string;
  readonly placementType?: string;
  /** Part of a child reference, matched without regard to case. */
  readonly childRef?: string;
  readonly review?: ReviewFilter;
  readonly sort?: { readonly column: PlacementSortColumn; readonly direction: 'asc' | 'desc' };
  readonly limit?: number;
  readonly offset?: number;
  /** The day whose rate in force the list shows (and sorts by); without it, the latest-effective rate. */
  readonly asOf?: string;
}

/** The rate in force on a day, in SQL, as rateInForce computes it: the latest effective on or before, else the first. */
function rateInForceSql(day: string): string {
  return `COALESCE(
    (SELECT (r->>'weeklyRatePence')::bigint FROM jsonb_array_elements(rates) r WHERE r->>'effectiveFrom' <= ${day} ORDER BY r->>'effectiveFrom' DESC LIMIT 1),
    (SELECT (r->>'weeklyRatePence')::bigint FROM jsonb_array_elements(rates) r ORDER BY r->>'effectiveFrom' LIMIT 1),
    weekly_rate_pence)`;
}

const likeEscaped = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** `YYYY-MM-DD` plus whole days, as text: the summary stores its dates as text, which sorts as dates do. */
function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The WHERE, ORDER BY and paging of a placements list, with its parameters. Without a sort the order is
 * the API's (start date, then id); with one, the id breaks ties so pages never overlap.
 */
export function placementListSql(filter: PlacementListFilter): { where: string; orderBy: string; paging: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filter.status !== undefined) conditions.push(`status = ${param(filter.status)}`);
  if (filter.costCentre !== undefined) conditions.push(`cost_centre = ${param(filter.costCentre)}`);
  if (filter.placementType !== undefined) conditions.push(`placement_type = ${param(filter.placementType)}`);
  if (filter.childRef !== undefined) conditions.push(`child_ref ILIKE ${param(likeEscaped(filter.childRef))}`);
  if (filter.review !== undefined) {
    const { kind, asOf, withinDays } = filter.review;
    const window = kind === 'overdue' ? `term_end <= ${param(asOf)}`
      : kind === 'due' ? `term_end > ${param(asOf)} AND term_end <= ${param(plusDays(asOf, withinDays))}`
        : `term_end <= ${param(plusDays(asOf, withinDays))}`;
    // Unreviewed: a review is always of the term then current, so the last one reviewed names it if any does.
    conditions.push(`status = 'commissioned' AND ${window} AND reviewed_term_end IS DISTINCT FROM term_end`);
  }
  const sortBy = (column: PlacementSortColumn) => column === 'weeklyRate' && filter.asOf !== undefined ? rateInForceSql(param(filter.asOf)) : PLACEMENT_SORT_COLUMNS[column];
  const orderBy = filter.sort === undefined
    ? 'start_date NULLS LAST, placement_id'
    : `${sortBy(filter.sort.column)} ${filter.sort.direction === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS LAST'}, placement_id`;
  const paging = [
    filter.limit === undefined ? '' : `LIMIT ${param(filter.limit)}`,
    filter.offset === undefined ? '' : `OFFSET ${param(filter.offset)}`,
  ].filter((part) => part !== '').join(' ');
  return { where: conditions.length === 0 ? 'TRUE' : conditions.join(' AND '), orderBy, paging, params };
}

/**
 * Stream names: one function per aggregate builds them and one function parses them; the category
 * is a literal with no dash inside it, so everything before the first dash is the category in every
 * store. Nothing else spells `placement-` or `budget-`.
 */
const PLACEMENT = 'placement-';
const BUDGET = 'budget-';
const WEEKLY_REPORT = 'weeklyreport-';

export const placementStreamId = (placementId: string): string => `${PLACEMENT}${placementId}`;
export const budgetStreamId = (financialYear: string): string => `${BUDGET}${financialYear}`;
/** One stream per week; its single event is the senior managers' report as issued, kept unchanged. */
export const weeklyReportStreamId = (weekCommencing: string): string => `${WEEKLY_REPORT}${weekCommencing}`;

/** What a stream holds, read back from its name; undefined for a stream of no aggregate the ledger keeps. */
export type StreamOf =
  | { readonly kind: 'placement'; readonly placementId: string }
  | { readonly kind: 'budget'; readonly financialYear: string }
  | { readonly kind: 'weekly-report'; readonly weekCommencing: string };

export function parseStreamId(streamId: string): StreamOf | undefined {
  if (streamId.startsWith(PLACEMENT) && streamId.length > PLACEMENT.length) return { kind: 'placement', placementId: streamId.slice(PLACEMENT.length) };
  if (streamId.startsWith(BUDGET) && streamId.length > BUDGET.length) return { kind: 'budget', financialYear: streamId.slice(BUDGET.length) };
  if (streamId.startsWith(WEEKLY_REPORT) && streamId.length > WEEKLY_REPORT.length) {
    return { kind: 'weekly-report', weekCommencing: streamId.slice(WEEKLY_REPORT.length) };
  }
  return undefined;
}

/** The placement a stream belongs to, or undefined when it is not a placement's stream. */
export function placementIdOf(streamId: string): string | undefined {
  const stream = parseStreamId(streamId);
  return stream?.kind === 'placement' ? stream.placementId : undefined;
}

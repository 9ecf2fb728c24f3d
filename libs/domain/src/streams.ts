/**
 * Stream names: one function per aggregate builds them and one function parses them; the category
 * is a literal with no dash inside it, so everything before the first dash is the category in every
 * store. Nothing else spells `placement-` or `budget-`.
 */
const PLACEMENT = 'placement-';
const BUDGET = 'budget-';

export const placementStreamId = (placementId: string): string => `${PLACEMENT}${placementId}`;
export const budgetStreamId = (financialYear: string): string => `${BUDGET}${financialYear}`;

/** What a stream holds, read back from its name; undefined for a stream of no aggregate the ledger keeps. */
export type StreamOf =
  | { readonly kind: 'placement'; readonly placementId: string }
  | { readonly kind: 'budget'; readonly financialYear: string };

export function parseStreamId(streamId: string): StreamOf | undefined {
  if (streamId.startsWith(PLACEMENT) && streamId.length > PLACEMENT.length) return { kind: 'placement', placementId: streamId.slice(PLACEMENT.length) };
  if (streamId.startsWith(BUDGET) && streamId.length > BUDGET.length) return { kind: 'budget', financialYear: streamId.slice(BUDGET.length) };
  return undefined;
}

/** The placement a stream belongs to, or undefined when it is not a placement's stream. */
export function placementIdOf(streamId: string): string | undefined {
  const stream = parseStreamId(streamId);
  return stream?.kind === 'placement' ? stream.placementId : undefined;
}

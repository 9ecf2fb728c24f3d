/**
 * Stream names: one function per aggregate, the category a literal with no dash inside it, so
 * everything before the first dash is the category in every store.
 */
export const placementStreamId = (placementId: string): string => `placement-${placementId}`;
export const budgetStreamId = (financialYear: string): string => `budget-${financialYear}`;

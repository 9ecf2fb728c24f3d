export const OPPORTUNITY_PAGES = [];

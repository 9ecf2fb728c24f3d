export const OPPORTUNITY_HANDLERS = [];

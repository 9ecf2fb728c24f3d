export const SUFFICIENCY_HANDLERS = [];

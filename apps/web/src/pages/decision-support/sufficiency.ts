export const SUFFICIENCY_PAGES = [];

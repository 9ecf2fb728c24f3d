import { OPPORTUNITY_PAGES } from './opportunities';
import { SUFFICIENCY_PAGES } from './sufficiency';

/** The decision-support pages: opportunities for commissioners and finance, sufficiency for managers. */
export const DECISION_SUPPORT_PAGES = [...OPPORTUNITY_PAGES, ...SUFFICIENCY_PAGES];

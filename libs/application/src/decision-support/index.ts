import { OPPORTUNITY_HANDLERS } from './opportunities';
import { SUFFICIENCY_HANDLERS } from './sufficiency';

export * from './opportunities';
export * from './sufficiency';

/** The decision-support queries' handlers, registered beside the returns'. */
export const DECISION_SUPPORT_HANDLERS = [...OPPORTUNITY_HANDLERS, ...SUFFICIENCY_HANDLERS];

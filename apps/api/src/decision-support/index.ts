import { OPPORTUNITY_CONTROLLERS } from './opportunities';
import { SUFFICIENCY_CONTROLLERS } from './sufficiency';

/** The decision-support routes: opportunities (step-down, joint funding) and sufficiency. */
export const DECISION_SUPPORT_CONTROLLERS = [...OPPORTUNITY_CONTROLLERS, ...SUFFICIENCY_CONTROLLERS];

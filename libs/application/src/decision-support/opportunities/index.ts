import { GetJointFundingOpportunitiesHandler, GetStepDownOpportunitiesHandler } from './get-opportunities.handler';

export * from './get-opportunities.handler';

/** The step-down and joint-funding opportunity queries' handlers. */
export const OPPORTUNITY_HANDLERS = [GetStepDownOpportunitiesHandler, GetJointFundingOpportunitiesHandler];

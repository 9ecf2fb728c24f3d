import { OpportunitiesController } from './opportunities.controller';

export const OPPORTUNITY_CONTROLLERS = [OpportunitiesController];

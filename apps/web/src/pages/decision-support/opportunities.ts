import { OpportunitiesPageController } from './opportunities.controller';

export const OPPORTUNITY_PAGES = [OpportunitiesPageController];

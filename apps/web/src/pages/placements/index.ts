import { RequestPlacementController } from './request-placement.controller';

/** The commissioners' pages: placements, their forms, renewals. */
export const PLACEMENT_PAGES = [RequestPlacementController];

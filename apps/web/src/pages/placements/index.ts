import { CommissionController } from './commission.controller';
import { PlacementDetailController } from './placement-detail.controller';
import { PlacementFormsController } from './placement-forms.controller';
import { PlacementsListController } from './placements-list.controller';
import { RenewalsController } from './renewals.controller';
import { RequestPlacementController } from './request-placement.controller';

/**
 * The commissioners' pages: placements, their forms, renewals. Order matters: /placements/new before
 * /placements/{id}, and the commission's own pages before the generic /placements/{id}/{form}.
 */
export const PLACEMENT_PAGES = [
  RequestPlacementController, PlacementsListController, CommissionController, PlacementFormsController, PlacementDetailController, RenewalsController,
];

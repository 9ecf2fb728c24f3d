import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { GetPlacement } from '@ledger/application';
import { PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { READER_ROLES } from '../../auth/web-user';
import { PageClock } from '../../rendering/page-clock';
import { PageRenderer } from '../../rendering/page-renderer';
import { actionsFor, costToDate, dueNext } from './placement-detail-view';
import { loadPlacement, placementSummary } from './placement-page-context';
import { timelineItems } from './timeline-words';

/** One placement: where it stands, what it has cost, what is due next, and every event that made it so. */
@WebPages()
@Controller('placements')
export class PlacementDetailController {
  constructor(
    private readonly pages: PageRenderer, private readonly queries: QueryBus,
    private readonly time: PageClock,
  ) {}

  @Get(':id')
  @PageRoles(...READER_ROLES)
  async show(@Req() req: WebRequest, @Res() res: Response, @Param('id') id: string) {
    const view = await loadPlacement((placementId) => this.queries.execute(new GetPlacement(placementId)), id);
    const today = this.time.today();
    const summary = placementSummary(view, today);
    this.pages.render(req, res, 'placements/show.njk', {
      pageTitle: `Placement ${summary.childRef}`,
      placement: summary, placementId: view.placementId, revision: view.revision, today,
      cost: costToDate(summary.state, today),
      due: dueNext(summary.state, today),
      actions: req.webRole === 'commissioner' ? actionsFor(summary.state, view.placementId) : [],
      timeline: timelineItems(view.history),
    });
  }
}

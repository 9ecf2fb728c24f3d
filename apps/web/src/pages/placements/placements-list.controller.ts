import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { CLOCK, LEDGER_CONFIG, ListPlacements, type Clock, type LedgerConfig } from '@ledger/application';
import { PLACEMENT_TYPES, todayIn } from '@ledger/domain';
import { PLACEMENT_STATUSES } from '@ledger/projections';
import { PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { READER_ROLES } from '../../auth/web-user';
import { PageRenderer } from '../../rendering/page-renderer';
import { filterFor, PAGE_SIZE, pagination, readListParams, REVIEW_WORDS, selectedFilters, sortHeading } from './placement-list-view';
import { STATUS_TAGS } from './status-words';

const STATUS_WORDS = Object.fromEntries(PLACEMENT_STATUSES.map((status) => [status, STATUS_TAGS[status].text]));

/** Every placement, filtered, sorted and paged in SQL by query parameters, so it all works without script. */
@WebPages()
@Controller('placements')
export class PlacementsListController {
  constructor(
    private readonly pages: PageRenderer, private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Get()
  @PageRoles(...READER_ROLES)
  async list(@Req() req: WebRequest, @Res() res: Response, @Query() query: Record<string, unknown>) {
    const params = readListParams(query);
    const today = todayIn(this.clock.now(), this.config.timeZone);
    const rows = await this.queries.execute(new ListPlacements(filterFor(params, today, this.config.reviewDueWithinDays)));
    const shown = rows.slice(0, PAGE_SIZE);
    const first = (params.page - 1) * PAGE_SIZE + 1;
    this.pages.render(req, res, 'placements/index.njk', {
      pageTitle: params.page > 1 ? `Placements (page ${params.page})` : 'Placements',
      params,
      canRaise: req.webRole === 'commissioner',
      placements: shown.map((p) => ({ ...p, tag: STATUS_TAGS[p.status] })),
      range: shown.length === 0 ? undefined : { first, last: first + shown.length - 1 },
      headings: [
        sortHeading(params, 'childRef', 'Child reference'), sortHeading(params, 'status', 'Status'), sortHeading(params, 'provider', 'Provider'),
        sortHeading(params, 'costCentre', 'Cost centre'), sortHeading(params, 'startDate', 'Start date'), sortHeading(params, 'termEnd', 'Term ends'),
        sortHeading(params, 'weeklyRate', 'Weekly rate', true),
      ],
      pagination: pagination(params, rows.length > PAGE_SIZE),
      selectedFilters: selectedFilters(params, STATUS_WORDS),
      statusItems: [{ value: '', text: 'Any status' }, ...PLACEMENT_STATUSES.map((s) => ({ value: s, text: STATUS_WORDS[s], selected: params.status === s }))],
      placementTypeItems: [{ value: '', text: 'Any placement type' }, ...Object.keys(PLACEMENT_TYPES).map((code) => ({ value: code, text: `${code}: ${PLACEMENT_TYPES[code]}`, selected: params.placementType === code }))],
      reviewItems: [{ value: '', text: 'Any', checked: params.review === undefined },
        ...Object.entries(REVIEW_WORDS).map(([value, text]) => ({ value, text, checked: params.review === value }))],
      reviewWithinDays: this.config.reviewDueWithinDays,
    });
  }
}

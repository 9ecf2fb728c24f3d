import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { LEDGER_CONFIG, type LedgerConfig, GetSufficiency, GetSufficiencyWhatIf } from '@ledger/application';
import { isLocalDate, localDate, PLACEMENT_TYPES, type LocalDate } from '@ledger/domain';
import { lastTwelveMonths, parseAgeRange, type WhatIf } from '@ledger/reporting';
import { PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { dateFieldValues, FormReader, type FormValues } from '../../forms/form-reader';
import { errorsView, type ErrorsView } from '../../forms/form-submission';
import { PageClock } from '../../rendering/page-clock';
import { PageRenderer } from '../../rendering/page-renderer';
import { FinanceQuery } from '../finance/finance-query';

/** The strategy's own target, answered on the page: 10 more in-house foster carers for children 12 and over. */
export const STRATEGY_TARGET = { placementType: 'U4', ageBand: '12+', places: 10 } as const;
const NAMING = { labels: { placementType: 'the placement type', ageBand: 'the age band', places: 'the number of places', from: 'the date' }, dateFields: ['from'] };

/** Demand by month and need, split by how it was met, and a what-if for more in-house places (records nothing). */
@WebPages()
@Controller('sufficiency')
export class SufficiencyPageController {
  constructor(private readonly pages: PageRenderer, private readonly queries: QueryBus, private readonly time: PageClock, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  @Get()
  @PageRoles('manager', 'finance', 'commissioner')
  async show(@Req() req: WebRequest, @Res() res: Response) {
    const today = this.time.today();
    const query = new FinanceQuery(req.query, this.time);
    const window = lastTwelveMonths(today);
    const demandFrom = query.date('demandFrom', 'The first day of demand', window.from);
    const demandTo = query.date('demandTo', 'The last day of demand', window.to);
    if (!query.failed && demandTo < demandFrom) query.fail('demandTo', 'The last day of demand must be on or after the first');
    const values = { ...query.values, placementType: STRATEGY_TARGET.placementType, ageBand: STRATEGY_TARGET.ageBand, places: String(STRATEGY_TARGET.places), ...dateFieldValues('from', today) };
    if (query.failed) {
      await this.render(req, res, values, query.errors(['demandFrom', 'demandTo']), 400, undefined, window);
      return;
    }
    await this.render(req, res, values, undefined, 200, undefined, { from: demandFrom, to: demandTo });
  }

  /** The what-if form: shown again with its answer, or with an error summary (400) when it cannot be read. */
  @Post()
  @PageRoles('manager', 'finance', 'commissioner')
  async ask(@Req() req: WebRequest, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const form = new FormReader(body);
    const window = windowFrom(form.raw('demandFrom'), form.raw('demandTo')) ?? lastTwelveMonths(this.time.today());
    const inHouse = this.config.decisionSupport.inHouseWeeklyCostPence;
    const placementType = form.text('placementType', 'Select the placement type');
    if (placementType !== undefined && inHouse[placementType] === undefined) form.fail('placementType', `There is no in-house option for type ${placementType}: choose a type the council provides itself`);
    const ageText = form.text('ageBand', 'Enter the ages, like 12+ or 12-15');
    const ageRange = ageText === undefined ? undefined : parseAgeRange(ageText) ?? form.fail('ageBand', 'Enter the ages as 12+, 12-15 or one age, like 14');
    const places = form.integer('places', 'the number of places', { min: 1, max: 1000 });
    const from = form.date('from', 'the date the places are available from');
    if (form.errors.length > 0 || placementType === undefined || ageRange === undefined || places === undefined || from === undefined) {
      await this.render(req, res, { ...form.values(), ...windowValues(window) }, errorsView(form.errors, NAMING), 400, undefined, window);
      return;
    }
    const answer = await this.queries.execute(new GetSufficiencyWhatIf(placementType, ageRange, places, localDate(from), this.time.now()));
    await this.render(req, res, { ...form.values(), ...windowValues(window) }, undefined, 200, answer, window);
  }

  private async render(req: WebRequest, res: Response, values: FormValues, errors: ErrorsView | undefined, status: number, answer: WhatIf | undefined, window: Window) {
    const now = this.time.now();
    const today = this.time.today();
    const [demand, target] = await Promise.all([
      this.queries.execute(new GetSufficiency(window.from, window.to, now)),
      this.strategyTarget(today, now),
    ]);
    const types = Object.keys(this.config.decisionSupport.inHouseWeeklyCostPence).sort()
      .map((code) => ({ value: code, text: `${code} – ${PLACEMENT_TYPES[code] ?? 'Unknown type'}`, selected: values.placementType === code }));
    this.pages.render(req, res, 'decision-support/sufficiency.njk', {
      pageTitle: 'Sufficiency', demand, window, target, answer, types, values, errors, needs: demand.byNeed.slice(0, 20),
    }, status);
  }

  private strategyTarget(today: LocalDate, now: Date): Promise<WhatIf> | undefined {
    const { placementType, ageBand, places } = STRATEGY_TARGET;
    if (this.config.decisionSupport.inHouseWeeklyCostPence[placementType] === undefined) return undefined;
    return this.queries.execute(new GetSufficiencyWhatIf(placementType, parseAgeRange(ageBand)!, places, today, now));
  }
}

interface Window { readonly from: LocalDate; readonly to: LocalDate }

/** The demand window the what-if form carries along (hidden fields, as the page was showing it). */
function windowFrom(from: string, to: string): Window | undefined {
  return isLocalDate(from) && isLocalDate(to) && from <= to ? { from: localDate(from), to: localDate(to) } : undefined;
}

const windowValues = (window: Window) => ({ ...dateFieldValues('demandFrom', window.from), ...dateFieldValues('demandTo', window.to) });

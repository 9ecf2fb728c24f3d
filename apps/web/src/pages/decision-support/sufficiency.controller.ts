import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { LEDGER_CONFIG, type LedgerConfig, GetSufficiency, GetSufficiencyWhatIf } from '@ledger/application';
import { isLocalDate, localDate, PLACEMENT_TYPES, type LocalDate } from '@ledger/domain';
import { demandToCsv, lastTwelveMonths, parseAgeRange, whatIfToCsv, type WhatIf } from '@ledger/reporting';
import { PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { dateFieldValues, FormReader, type FormValues } from '../../forms/form-reader';
import { errorsView, type ErrorsView } from '../../forms/form-submission';
import { PageClock } from '../../rendering/page-clock';
import { PageRenderer } from '../../rendering/page-renderer';
import { FinanceQuery, queryString } from '../finance/finance-query';

/** The strategy's own target, answered on the page: 10 more in-house foster carers for children 12 and over. */
export const STRATEGY_TARGET = { placementType: 'U4', ageBand: '12+', places: 10 } as const;
/** The needs the page lists, those that go external most first; the CSV holds every one. */
const NEEDS_SHOWN = 20;
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

  /** Every demand row of the months shown, as CSV, pinned to the page's "as known at". */
  @Get('demand.csv')
  @PageRoles('manager', 'finance', 'commissioner')
  async demandCsv(@Req() req: WebRequest, @Res() res: Response) {
    const query = new FinanceQuery(req.query, this.time);
    const window = lastTwelveMonths(query.today);
    const from = query.date('demandFrom', 'The first day of demand', window.from);
    const to = query.date('demandTo', 'The last day of demand', window.to);
    const asAt = query.instant('asAt', 'The time the demand is as known at', query.now);
    if (!query.failed && to < from) query.fail('demandTo', 'The last day of demand must be on or after the first');
    if (query.failed) {
      const values = { ...query.values, placementType: STRATEGY_TARGET.placementType, ageBand: STRATEGY_TARGET.ageBand, places: String(STRATEGY_TARGET.places), ...dateFieldValues('from', query.today) };
      await this.render(req, res, values, query.errors(['demandFrom', 'demandTo']), 400, undefined, window);
      return;
    }
    const demand = await this.queries.execute(new GetSufficiency(from, to, asAt.at));
    res.type('text/csv').attachment(`sufficiency-${from}-to-${to}.csv`).send(demandToCsv(demand));
  }

  /** The what-if form: shown again with its answer, or with an error summary (400) when it cannot be read. */
  @Post()
  @PageRoles('manager', 'finance', 'commissioner')
  async ask(@Req() req: WebRequest, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const asked = this.whatIfFrom(body);
    if (asked.question === undefined) return this.render(req, res, asked.values, asked.errors, 400, undefined, asked.window);
    const answer = await this.queries.execute(asked.question);
    await this.render(req, res, asked.values, undefined, 200, answer, asked.window);
  }

  /** The same what-if as CSV: every placement that would step down, money in pounds. */
  @Post('what-if.csv')
  @PageRoles('manager', 'finance', 'commissioner')
  async askCsv(@Req() req: WebRequest, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const asked = this.whatIfFrom(body);
    if (asked.question === undefined) return this.render(req, res, asked.values, asked.errors, 400, undefined, asked.window);
    const answer = await this.queries.execute(asked.question);
    res.type('text/csv').attachment(`what-if-${answer.placementType}-${answer.from}.csv`).send(whatIfToCsv(answer));
  }

  /** The what-if's question from the form, or what is wrong with it, and the demand window the form carried. */
  private whatIfFrom(body: Record<string, unknown>): { question?: GetSufficiencyWhatIf; values: FormValues; errors?: ErrorsView; window: Window } {
    const form = new FormReader(body);
    const window = windowFrom(form.raw('demandFrom'), form.raw('demandTo')) ?? lastTwelveMonths(this.time.today());
    const inHouse = this.config.decisionSupport.inHouseWeeklyCostPence;
    const placementType = form.text('placementType', 'Select the placement type');
    if (placementType !== undefined && inHouse[placementType] === undefined) form.fail('placementType', `There is no in-house option for type ${placementType}: choose a type the council provides itself`);
    const ageText = form.text('ageBand', 'Enter the ages, like 12+ or 12-15');
    const ageRange = ageText === undefined ? undefined : parseAgeRange(ageText) ?? form.fail('ageBand', 'Enter the ages as 12+, 12-15 or one age, like 14');
    const places = form.integer('places', 'the number of places', { min: 1, max: 1000 });
    const from = form.date('from', 'the date the places are available from');
    const values = { ...form.values(), ...windowValues(window) };
    if (form.errors.length > 0 || placementType === undefined || ageRange === undefined || places === undefined || from === undefined) {
      return { values, errors: errorsView(form.errors, NAMING), window };
    }
    return { question: new GetSufficiencyWhatIf(placementType, ageRange, places, localDate(from), this.time.now()), values, window };
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
    const demandCsv = `/sufficiency/demand.csv${queryString({ demandFrom: window.from, demandTo: window.to, asAt: demand.asAt })}`;
    this.pages.render(req, res, 'decision-support/sufficiency.njk', {
      pageTitle: 'Sufficiency', demand, window, target, answer, types, values, errors, needs: demand.byNeed.slice(0, NEEDS_SHOWN), demandCsv,
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

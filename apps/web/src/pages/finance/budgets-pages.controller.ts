import { BadRequestException, Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { envelopeFor, GetBudgets, SetBudget } from '@ledger/application';
import { financialYearOf, financialYearStarting, type Pence } from '@ledger/domain';
import { isLedgerFinancialYear } from '../../../../api/src/http/validators';
import { SetBudgetDto } from '../../../../api/src/budgets/budgets.controller';
import { CurrentUser, PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import { LOCAL_USERS } from '../../auth/local-users';
import { READER_ROLES, type WebUser } from '../../auth/web-user';
import { FormReader, type FormValues } from '../../forms/form-reader';
import { submitForm, type ErrorsView, type FieldNaming } from '../../forms/form-submission';
import { money } from '../../rendering/format';
import { PageClock } from '../../rendering/page-clock';
import { PageRenderer } from '../../rendering/page-renderer';

/** The API's cost-centre path parameter rule (budgets.controller.ts), so the form refuses what the API would. */
const COST_CENTRE = /^[A-Za-z0-9][A-Za-z0-9\-_.]{0,39}$/;

const NAMING: FieldNaming = { labels: { costCentre: 'the cost centre', amount: 'the budget', reason: 'the reason' } };

/** Budgets per cost centre with their history (GET /api/budgets/{year}), and the form finance sets them with (PUT). */
@WebPages()
@Controller('budgets')
export class BudgetsPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly time: PageClock,
  ) {}

  @Get()
  @PageRoles(...READER_ROLES)
  current(@Res() res: Response) {
    res.redirect(302, `/budgets/${financialYearOf(this.time.today())}`);
  }

  @Get(':financialYear')
  @PageRoles(...READER_ROLES)
  async show(@Req() req: WebRequest, @Res() res: Response, @Param('financialYear') year: string, @CurrentUser() user: WebUser) {
    await this.render(req, res, checkedYear(year), user, {});
  }

  @Post(':financialYear')
  @PageRoles('finance')
  async submit(@Req() req: WebRequest, @Res() res: Response, @Param('financialYear') year: string, @Body() body: Record<string, unknown>, @CurrentUser() user: WebUser) {
    const financialYear = checkedYear(year);
    const form = new FormReader(body);
    const costCentre = form.text('costCentre', 'Enter the cost centre, like CC-IFA');
    if (costCentre !== undefined && !COST_CENTRE.test(costCentre)) form.fail('costCentre', 'The cost centre must be 1 to 40 letters, digits, hyphens, underscores or full stops, starting with a letter or digit');
    const amountPence = form.pence('amount', 'the budget');
    let appended: readonly string[] = [];
    const outcome = await submitForm({
      form, naming: NAMING, dtoClass: SetBudgetDto,
      body: { amountPence, reason: form.text('reason', 'Enter the reason for setting or changing the budget') },
      run: async (dto) => {
        const result = await this.commands.execute(new SetBudget(
          { type: 'SetBudget', data: { financialYear, costCentre: costCentre as string, amountPence: dto.amountPence as Pence, reason: dto.reason } },
          envelopeFor({ id: user.id, role: req.webRole! }),
        ));
        appended = result.appended;
      },
    });
    if (outcome.kind === 'invalid') {
      await this.render(req, res, financialYear, user, { values: outcome.values, errors: outcome.errors }, outcome.status);
      return;
    }
    const amount = money(amountPence);
    req.session.flash = appended.length === 0
      ? { heading: 'No change recorded', body: `The ${costCentre} budget for ${financialYear} is already ${amount}.` }
      : { heading: appended[0] === 'BudgetSet' ? 'Budget set' : 'Budget adjusted', body: `${costCentre}: ${amount} for ${financialYear}.` };
    res.redirect(303, `/budgets/${financialYear}`);
  }

  private async render(req: WebRequest, res: Response, financialYear: string, user: WebUser, form: { values?: FormValues; errors?: ErrorsView }, status = 200) {
    const budgets = await this.queries.execute(new GetBudgets(financialYear));
    const names = new Map(LOCAL_USERS.map((u) => [u.id, u.name]));
    const costCentres = Object.entries(budgets.costCentres).sort(([a], [b]) => (a < b ? -1 : 1)).map(([costCentre, budget]) => ({
      costCentre, amountPence: budget.amountPence,
      history: [...budget.history].reverse().map((change) => ({ ...change, who: names.get(change.actorId) ?? change.actorId })),
    }));
    const start = Number(financialYear.slice(0, 4));
    this.pages.render(req, res, 'finance/budgets.njk', {
      budgets, costCentres, canSet: user.roles.includes('finance'),
      previousYear: financialYearStarting(start - 1), nextYear: financialYearStarting(start + 1),
      values: form.values ?? {}, errors: form.errors,
    }, status);
  }
}

function checkedYear(year: string): string {
  if (!isLedgerFinancialYear(year)) throw new BadRequestException(`“${year}” is not a financial year from 2000-01 to 2098-99: write it like 2026-27 (1 April 2026 to 31 March 2027).`);
  return year;
}

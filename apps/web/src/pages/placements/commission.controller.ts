import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { envelopeFor, ExecutePlacementCommand, GetPlacement, ListKnownProviders, PreviewPlacementCommand, type PlacementView } from '@ledger/application';
import type { PlacementPreview } from '@ledger/reporting';
import { formatPounds, PLACEMENT_TYPES, PROVIDER_TYPES, type LocalDate, type Pence, type Provider } from '@ledger/domain';
import { CommissionPlacementDto } from '../../../../api/src/placements/dto/commission-placement.dto';
import { placementCommandFrom } from '../../../../api/src/placements/placement-commands-from-requests';
import { CurrentUser, PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import type { WebUser } from '../../auth/web-user';
import { FormReader, type FormValues } from '../../forms/form-reader';
import { errorsView, submitForm, validateAsApi, type ErrorsView, type FieldNaming } from '../../forms/form-submission';
import { PageClock } from '../../rendering/page-clock';
import { PageRenderer } from '../../rendering/page-renderer';
import { budgetPreviewView } from './budget-preview';
import { chosenProvider, initialTermOf } from './commission-check';
import { commissionBody, commissionSummaryRows } from './commission-form';
import { revisionFrom } from './placement-forms.controller';
import { loadPlacement, placementSummary } from './placement-page-context';
import { OFSTED_GRADES } from './status-words';

export const COMMISSION_NAMING: FieldNaming = {
  labels: {
    provider: 'the provider', knownProvider: 'the provider', 'provider.id': 'the provider’s reference', 'provider.name': 'the provider’s name', 'provider.type': 'the provider type',
    'provider.ofstedGrade': 'the Ofsted grade', 'provider.distanceMiles': 'the distance in miles', placementType: 'the placement type',
    weeklyRate: 'the weekly rate', startDate: 'the start date', initialTermDays: 'the initial term in days', costCentre: 'the cost centre',
    emergencyReason: 'the emergency reason', 'rateException.reason': 'the reason for the rate outside the band', 'rateException.approvedBy': 'who approved the rate',
  },
  dateFields: ['startDate'],
};

/** Commission an external placement: the form, a check-your-answers page, then the one command. */
@WebPages()
@Controller('placements/:id/commission')
export class CommissionController {
  constructor(
    private readonly pages: PageRenderer, private readonly commands: CommandBus, private readonly queries: QueryBus,
    private readonly time: PageClock,
  ) {}

  @Get()
  @PageRoles('commissioner')
  async form(@Req() req: WebRequest, @Res() res: Response, @Param('id') id: string, @Query('change') change?: string) {
    const view = await this.load(id);
    const pending = req.session.pendingCommission;
    const values = change !== undefined && pending?.placementId === view.placementId ? pending.fields : this.startValues(view);
    await this.renderForm(req, res, view, values, undefined, 200, Number(values.revision ?? view.revision));
  }

  /** Checks the answers as the API would, keeps them in the session, and shows them back; records nothing. */
  @Post()
  @PageRoles('commissioner')
  async check(@Req() req: WebRequest, @Res() res: Response, @Param('id') id: string, @Body() body: Record<string, unknown>) {
    const view = await this.load(id);
    const known = await this.queries.execute(new ListKnownProviders());
    const form = new FormReader(body);
    const apiBody = commissionBody(form, (choice, typed) => chosenProvider(choice, known, typed));
    const values = form.values();
    const errors = form.errors.length > 0 ? form.errors : (await validateAsApi(CommissionPlacementDto, JSON.parse(JSON.stringify(apiBody)) as object, COMMISSION_NAMING)).errors;
    if (errors.length > 0) {
      await this.renderForm(req, res, view, values, errorsView(errors, COMMISSION_NAMING), 400, revisionFrom(body) ?? view.revision);
      return;
    }
    req.session.pendingCommission = { placementId: view.placementId, fields: { ...values }, body: JSON.parse(JSON.stringify(apiBody)) as Record<string, unknown> };
    res.redirect(303, `/placements/${view.placementId}/commission/check`);
  }

  @Get('check')
  @PageRoles('commissioner')
  async answers(@Req() req: WebRequest, @Res() res: Response, @Param('id') id: string) {
    const view = await this.load(id);
    const pending = req.session.pendingCommission;
    if (pending?.placementId !== view.placementId) {
      res.redirect(303, `/placements/${view.placementId}/commission`);
      return;
    }
    const body = pending.body as unknown as CommissionPlacementDto;
    const term = initialTermOf(body.startDate as LocalDate, body.weeklyRatePence as Pence, body.initialTermDays);
    // A commission the decider would refuse has no preview: confirming shows the refusal.
    const preview = await this.queries.execute(new PreviewPlacementCommand(view.placementId, placementCommandFrom.commission(body)))
      .then((p: PlacementPreview) => budgetPreviewView(p), () => undefined);
    this.pages.render(req, res, 'placements/commission-check.njk', {
      budget: preview,
      pageTitle: 'Check the commission before recording it', placement: placementSummary(view, this.today()), placementId: view.placementId,
      rows: commissionSummaryRows(body, term, `/placements/${view.placementId}/commission?change=1`),
      cost: { weeklyRate: formatPounds(body.weeklyRatePence as Pence), termCost: formatPounds(term.costPence), days: term.initialTermDays },
    });
  }

  /** Confirm and commission: the pending answers become the command, exactly as POST /api/placements/{id}/commission. */
  @Post('check')
  @PageRoles('commissioner')
  async confirm(@Req() req: WebRequest, @Res() res: Response, @Param('id') id: string, @CurrentUser() user: WebUser) {
    const view = await this.load(id);
    const pending = req.session.pendingCommission;
    if (pending?.placementId !== view.placementId) {
      res.redirect(303, `/placements/${view.placementId}/commission`);
      return;
    }
    const ifMatch = revisionFrom(pending.fields);
    const outcome = await submitForm({
      form: new FormReader(pending.fields), naming: COMMISSION_NAMING, dtoClass: CommissionPlacementDto, body: pending.body,
      run: (dto) => this.commands.execute(new ExecutePlacementCommand(
        view.placementId, placementCommandFrom.commission(dto), envelopeFor({ id: user.id, role: req.webRole! }), { ifMatch },
      )),
    });
    if (outcome.kind === 'invalid') {
      const now = outcome.status === 409 ? await this.load(id) : view;
      const fields = outcome.status === 409 ? { ...pending.fields, revision: String(now.revision) } : pending.fields;
      req.session.pendingCommission = { ...pending, fields };
      await this.renderForm(req, res, now, fields, outcome.errors, outcome.status, Number(fields.revision));
      return;
    }
    delete req.session.pendingCommission;
    req.session.flash = { heading: 'Placement commissioned', body: 'Record the four-week review before the term ends.' };
    res.redirect(303, `/placements/${view.placementId}`);
  }

  private load(id: string): Promise<PlacementView> {
    return loadPlacement((placementId) => this.queries.execute(new GetPlacement(placementId)), id);
  }

  private today(): LocalDate {
    return this.time.today();
  }

  private startValues(view: PlacementView): FormValues {
    const state = view.state;
    const sought = state.status === 'Initial' ? 'U4' : state.request.placementTypeSought;
    return { placementType: sought, initialTermDays: '28', revision: String(view.revision) };
  }

  private async renderForm(req: WebRequest, res: Response, view: PlacementView, values: FormValues, errors: ErrorsView | undefined, status: number, revision: number) {
    const known = await this.queries.execute(new ListKnownProviders());
    this.pages.render(req, res, 'placements/commission.njk', {
      pageTitle: 'Commission an external placement', placement: placementSummary(view, this.today()), placementId: view.placementId,
      values, errors, revision,
      knownProviders: known.map((p: Provider) => ({
        value: p.id, text: p.name, checked: values.knownProvider === p.id,
        hint: { text: `${p.id}. Ofsted: ${OFSTED_GRADES[p.ofstedGrade] ?? p.ofstedGrade}. ${p.distanceMiles} miles away.` },
      })),
      placementTypes: Object.entries(PLACEMENT_TYPES).map(([code, text]) => ({ value: code, text: `${code}: ${text}`, selected: code === values.placementType })),
      providerTypes: Object.entries(PROVIDER_TYPES).map(([code, text]) => ({ value: code, text: `${code}: ${text}`, selected: code === (values['provider.type'] ?? 'PR4') })),
      ofstedGrades: Object.entries(OFSTED_GRADES).map(([value, text]) => ({ value, text, selected: value === (values['provider.ofstedGrade'] ?? 'good') })),
    }, status);
  }
}

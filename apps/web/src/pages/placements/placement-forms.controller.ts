import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { envelopeFor, ExecutePlacementCommand, GetPlacement, NotFoundError, PreviewPlacementCommand, type PlacementView } from '@ledger/application';
import type { PlacementPreview } from '@ledger/reporting';
import { END_REASONS } from '@ledger/domain';
import { CurrentUser, PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import type { WebUser } from '../../auth/web-user';
import { FormReader, type FormValues } from '../../forms/form-reader';
import type { ErrorsView } from '../../forms/form-submission';
import { PageClock } from '../../rendering/page-clock';
import { PageRenderer } from '../../rendering/page-renderer';
import { budgetPreviewView } from './budget-preview';
import { loadPlacement, placementSummary } from './placement-page-context';
import { IN_HOUSE_RESOURCES, PLACEMENT_FORMS } from './placement-forms';
import type { PlacementFormPage } from './placement-form-page';

/** The revision the form was shown at, sent back as If-Match; none (or nonsense) means "as it is now". */
export function revisionFrom(body: Readonly<Record<string, unknown>>): number | undefined {
  const value = typeof body.revision === 'string' ? body.revision.trim() : '';
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

const END_REASON_ITEMS = Object.entries(END_REASONS).map(([code, text]) => ({ value: code, text: `${code}: ${text}` }));

/** One form per placement command (all but the request and the commission): GET shows it, POST records it. */
@WebPages()
@Controller('placements/:id')
export class PlacementFormsController {
  constructor(
    private readonly pages: PageRenderer, private readonly commands: CommandBus, private readonly queries: QueryBus,
    private readonly time: PageClock,
  ) {}

  @Get(':form')
  @PageRoles('commissioner')
  async show(@Req() req: WebRequest, @Res() res: Response, @Param('id') id: string, @Param('form') slug: string) {
    const page = formNamed(slug);
    const view = await this.load(id);
    const today = this.time.today();
    const state = placementSummary(view, today).state;
    this.render(req, res, page, view, { values: page.startValues?.(state, today) ?? {}, revision: view.revision });
  }

  @Post(':form')
  @PageRoles('commissioner')
  async submit(@Req() req: WebRequest, @Res() res: Response, @Param('id') id: string, @Param('form') slug: string,
    @Body() body: Record<string, unknown>, @CurrentUser() user: WebUser) {
    const page = formNamed(slug);
    const view = await this.load(id);
    const ifMatch = revisionFrom(body);
    if (slug === 'extend' && body._action === 'preview') {
      await this.preview(req, res, page, view, body);
      return;
    }
    const outcome = await page.submit(new FormReader(body), (command) => this.commands.execute(
      new ExecutePlacementCommand(view.placementId, command, envelopeFor({ id: user.id, role: req.webRole! }), { ifMatch }),
    ));
    if (outcome.kind === 'invalid') {
      // After a conflict the form is shown over the placement as it now is, ready to be sent again.
      const now = outcome.status === 409 ? await this.load(id) : view;
      this.render(req, res, page, now, { values: outcome.values, errors: outcome.errors, revision: outcome.status === 409 ? now.revision : ifMatch ?? view.revision }, outcome.status);
      return;
    }
    req.session.flash = page.done;
    res.redirect(303, `/placements/${view.placementId}`);
  }

  /** The extension's cost before it is made: the same checks as recording it, then the form again with the figures. */
  private async preview(req: WebRequest, res: Response, page: PlacementFormPage, view: PlacementView, body: Record<string, unknown>) {
    let preview: PlacementPreview | undefined;
    const form = new FormReader(body);
    const outcome = await page.submit(form, async (command) => {
      if (command.type === 'ExtendPlacement') preview = await this.queries.execute(new PreviewPlacementCommand(view.placementId, command));
    });
    const revision = revisionFrom(body) ?? view.revision;
    if (outcome.kind === 'invalid') {
      this.render(req, res, page, view, { values: outcome.values, errors: outcome.errors, revision }, outcome.status);
      return;
    }
    this.render(req, res, page, view, { values: form.values(), revision, budget: preview === undefined ? undefined : budgetPreviewView(preview, 'extension') });
  }

  private load(id: string): Promise<PlacementView> {
    return loadPlacement((placementId) => this.queries.execute(new GetPlacement(placementId)), id);
  }

  private render(req: WebRequest, res: Response, page: PlacementFormPage, view: PlacementView,
    form: { values: FormValues; errors?: ErrorsView; revision: number; budget?: ReturnType<typeof budgetPreviewView> }, status = 200) {
    const today = this.time.today();
    this.pages.render(req, res, page.template, {
      pageTitle: page.title, formTitle: page.title, action: `/placements/${view.placementId}/${page.slug}`,
      placement: placementSummary(view, today), placementId: view.placementId,
      resources: IN_HOUSE_RESOURCES, endReasons: END_REASON_ITEMS, ...form,
    }, status);
  }
}

function formNamed(slug: string): PlacementFormPage {
  const page = PLACEMENT_FORMS.get(slug);
  if (page === undefined) throw new NotFoundError(`There is no placement form ${slug}`);
  return page;
}

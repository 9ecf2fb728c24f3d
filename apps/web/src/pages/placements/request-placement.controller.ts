import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { envelopeFor, ExecutePlacementCommand } from '@ledger/application';
import { PLACEMENT_TYPES } from '@ledger/domain';
import { RequestPlacementDto } from '../../../../api/src/placements/dto/request-placement.dto';
import { placementCommandFrom } from '../../../../api/src/placements/placement-commands-from-requests';
import { CurrentUser, PageRoles, WebPages, type WebRequest } from '../../auth/pages.decorator';
import type { WebUser } from '../../auth/web-user';
import { FormReader } from '../../forms/form-reader';
import { submitForm, type FieldNaming } from '../../forms/form-submission';
import { PageRenderer } from '../../rendering/page-renderer';

const NAMING: FieldNaming = {
  labels: {
    childRef: 'the child reference', ageAtRequest: 'the child’s age', needs: 'the needs', placementTypeSought: 'the placement type sought',
    urgency: 'whether it is an emergency', requiredFrom: 'the date the placement is needed from', siblingGroupSize: 'the number of siblings to place together',
  },
  dateFields: ['requiredFrom'],
};

export const placementTypeItems = (selected?: string) =>
  Object.entries(PLACEMENT_TYPES).map(([code, text]) => ({ value: code, text: `${code}: ${text}`, selected: code === selected }));

/** Raise a placement request: the first event of every placement. */
@WebPages()
@Controller('placements/new')
export class RequestPlacementController {
  constructor(private readonly pages: PageRenderer, private readonly commands: CommandBus) {}

  @Get()
  @PageRoles('commissioner')
  show(@Req() req: WebRequest, @Res() res: Response) {
    this.pages.render(req, res, 'placements/new.njk', { values: { siblingGroupSize: '1', placementTypeSought: 'U4' }, placementTypes: placementTypeItems('U4') });
  }

  @Post()
  @PageRoles('commissioner')
  async submit(@Req() req: WebRequest, @Res() res: Response, @Body() body: Record<string, unknown>, @CurrentUser() user: WebUser) {
    const form = new FormReader(body);
    const placementId = randomUUID();
    const outcome = await submitForm({
      form, naming: NAMING, dtoClass: RequestPlacementDto,
      body: {
        childRef: form.text('childRef', 'Enter the child’s pseudonymous reference, like LAC-4F7K2'),
        ageAtRequest: form.integer('ageAtRequest', 'the child’s age', { min: 0, max: 25 }),
        needs: form.raw('needs').split(/\r?\n|,/).map((need) => need.trim()).filter((need) => need !== ''),
        placementTypeSought: form.text('placementTypeSought', 'Select the placement type sought'),
        urgency: form.choice('urgency', ['emergency', 'planned'] as const, 'Select whether the placement is an emergency or planned'),
        requiredFrom: form.date('requiredFrom', 'the date the placement is needed from'),
        siblingGroupSize: form.integer('siblingGroupSize', 'the number of siblings to place together', { min: 1, max: 12 }),
      },
      run: (dto) => this.commands.execute(new ExecutePlacementCommand(
        placementId, placementCommandFrom.request(dto, placementId), envelopeFor({ id: user.id, role: req.webRole! }),
      )),
    });
    if (outcome.kind === 'invalid') {
      this.pages.render(req, res, 'placements/new.njk', { values: outcome.values, errors: outcome.errors, placementTypes: placementTypeItems(outcome.values.placementTypeSought) }, outcome.status);
      return;
    }
    req.session.flash = { heading: 'Placement request raised', body: 'Next, record the in-house search.' };
    res.redirect(303, `/placements/${placementId}`);
  }
}

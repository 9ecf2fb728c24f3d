import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import {
  envelopeFor, ExecutePlacementCommand, GetPlacement, ListPlacements, type Actor, type PlacementCommandResult,
} from '@ledger/application';
import type { LocalDate, Pence, PlacementCommand } from '@ledger/domain';
import { AnyRole, CurrentActor, Roles } from '../auth/auth.decorators';
import { IfMatch } from '../http/if-match.decorator';
import { CommissionPlacementDto } from './dto/commission-placement.dto';
import { MatchInHouseDto, RecordInHouseSearchDto, WithdrawRequestDto } from './dto/in-house.dto';
import { ListPlacementsQueryDto } from './dto/list-placements.dto';
import {
  AgreeJointFundingDto, ChangeRateDto, EndPlacementDto, ExtendPlacementDto, RecordReviewDto,
} from './dto/placement-changes.dto';
import { RequestPlacementDto } from './dto/request-placement.dto';

const Uuid = new ParseUUIDPipe({ version: '4' });

/** DTOs are validated to these shapes; the brands are applied here, at the edge. */
const asDate = (value: string) => value as LocalDate;
const asPence = (value: number) => value as Pence;

@ApiTags('placements')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a POST safely' })
@Controller('api/placements')
export class PlacementsController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Post()
  @Roles('commissioner')
  async request(@Body() body: RequestPlacementDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const placementId = body.placementId ?? randomUUID();
    const result = await this.run(placementId, actor, res, undefined, {
      type: 'RequestPlacement',
      data: {
        placementId, childRef: body.childRef, ageAtRequest: body.ageAtRequest, needs: body.needs ?? [],
        placementTypeSought: body.placementTypeSought, urgency: body.urgency, requiredFrom: asDate(body.requiredFrom),
        siblingGroupSize: body.siblingGroupSize ?? 1,
      },
    });
    res.location(`/api/placements/${placementId}`);
    return result;
  }

  @Post(':id/in-house-searches')
  @Roles('commissioner')
  searched(@Param('id', Uuid) id: string, @Body() body: RecordInHouseSearchDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, {
      type: 'RecordInHouseSearch',
      data: { searchedOn: asDate(body.searchedOn), options: body.options.map((o) => ({ resource: o.resource, outcome: o.outcome, note: o.note })) },
    });
  }

  @Post(':id/in-house-match')
  @Roles('commissioner')
  matched(@Param('id', Uuid) id: string, @Body() body: MatchInHouseDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, { type: 'MatchInHouse', data: { resource: body.resource, startDate: asDate(body.startDate) } });
  }

  @Post(':id/commission')
  @Roles('commissioner')
  async commission(@Param('id', Uuid) id: string, @Body() body: CommissionPlacementDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    const result = await this.run(id, actor, res, ifMatch, {
      type: 'CommissionPlacement',
      data: {
        provider: { ...body.provider }, placementType: body.placementType, weeklyRatePence: asPence(body.weeklyRatePence),
        startDate: asDate(body.startDate), initialTermDays: body.initialTermDays, costCentre: body.costCentre,
        emergencyReason: body.emergencyReason, rateException: body.rateException && { ...body.rateException },
      },
    });
    return { ...result, termEnd: 'termEnd' in result.state ? result.state.termEnd : undefined };
  }

  @Post(':id/reviews')
  @Roles('commissioner')
  reviewed(@Param('id', Uuid) id: string, @Body() body: RecordReviewDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, {
      type: 'RecordFourWeekReview', data: { reviewedOn: asDate(body.reviewedOn), outcome: body.outcome, notes: body.notes },
    });
  }

  @Post(':id/extensions')
  @Roles('commissioner')
  extended(@Param('id', Uuid) id: string, @Body() body: ExtendPlacementDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, {
      type: 'ExtendPlacement',
      data: {
        newTermEnd: asDate(body.newTermEnd), reason: body.reason, rateException: body.rateException && { ...body.rateException },
        weeklyRatePence: body.weeklyRatePence === undefined ? undefined : asPence(body.weeklyRatePence),
      },
    });
  }

  @Post(':id/rate-changes')
  @Roles('commissioner')
  rateChanged(@Param('id', Uuid) id: string, @Body() body: ChangeRateDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, {
      type: 'ChangeRate',
      data: {
        effectiveFrom: asDate(body.effectiveFrom), weeklyRatePence: asPence(body.weeklyRatePence), reason: body.reason,
        rateException: body.rateException && { ...body.rateException },
      },
    });
  }

  @Post(':id/joint-funding')
  @Roles('commissioner')
  jointlyFunded(@Param('id', Uuid) id: string, @Body() body: AgreeJointFundingDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, {
      type: 'AgreeJointFunding',
      data: { contributor: body.contributor, shareBasisPoints: body.shareBasisPoints, effectiveFrom: asDate(body.effectiveFrom) },
    });
  }

  @Post(':id/end')
  @Roles('commissioner')
  ended(@Param('id', Uuid) id: string, @Body() body: EndPlacementDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, { type: 'EndPlacement', data: { endDate: asDate(body.endDate), reason: body.reason } });
  }

  @Post(':id/withdraw')
  @Roles('commissioner')
  withdrawn(@Param('id', Uuid) id: string, @Body() body: WithdrawRequestDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, { type: 'WithdrawRequest', data: { reason: body.reason } });
  }

  @Get()
  @AnyRole()
  async list(@Query() query: ListPlacementsQueryDto) {
    const placements = await this.queries.execute(new ListPlacements({ status: query.status, costCentre: query.costCentre }));
    return { count: placements.length, placements };
  }

  @Get(':id')
  @AnyRole()
  async get(@Param('id', Uuid) id: string, @Res({ passthrough: true }) res: Response) {
    const view = await this.queries.execute(new GetPlacement(id));
    res.setHeader('ETag', `"${view.revision}"`);
    return view;
  }

  private async run(placementId: string, actor: Actor, res: Response, ifMatch: number | undefined, command: PlacementCommand) {
    const idempotencyKey = res.req.header('idempotency-key');
    const result: PlacementCommandResult = await this.commands.execute(
      new ExecutePlacementCommand(placementId, command, envelopeFor(actor, idempotencyKey), { ifMatch }),
    );
    res.setHeader('ETag', `"${result.revision}"`);
    return { placementId, revision: result.revision, appended: result.appended, state: result.state };
  }
}

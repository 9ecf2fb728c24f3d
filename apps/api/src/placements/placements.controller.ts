import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import {
  envelopeFor, ExecutePlacementCommand, GetPlacement, ListPlacements, type Actor, type PlacementCommandResult,
} from '@ledger/application';
import type { PlacementCommand } from '@ledger/domain';
import { AnyRole, CurrentActor, Roles } from '../auth/auth.decorators';
import { IfMatch } from '../http/if-match.decorator';
import { CommissionPlacementDto } from './dto/commission-placement.dto';
import { MatchInHouseDto, RecordInHouseSearchDto, WithdrawRequestDto } from './dto/in-house.dto';
import { ListPlacementsQueryDto } from './dto/list-placements.dto';
import {
  AgreeJointFundingDto, ChangeRateDto, EndPlacementDto, ExtendPlacementDto, RecordReviewDto,
} from './dto/placement-changes.dto';
import { RequestPlacementDto } from './dto/request-placement.dto';
import { placementCommandFrom } from './placement-commands-from-requests';

const Uuid = new ParseUUIDPipe({ version: '4' });

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
    const result = await this.run(placementId, actor, res, undefined, placementCommandFrom.request(body, placementId));
    res.location(`/api/placements/${placementId}`);
    return result;
  }

  @Post(':id/in-house-searches')
  @Roles('commissioner')
  searched(@Param('id', Uuid) id: string, @Body() body: RecordInHouseSearchDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, placementCommandFrom.inHouseSearch(body));
  }

  @Post(':id/in-house-match')
  @Roles('commissioner')
  matched(@Param('id', Uuid) id: string, @Body() body: MatchInHouseDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, placementCommandFrom.inHouseMatch(body));
  }

  @Post(':id/commission')
  @Roles('commissioner')
  async commission(@Param('id', Uuid) id: string, @Body() body: CommissionPlacementDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    const result = await this.run(id, actor, res, ifMatch, placementCommandFrom.commission(body));
    return { ...result, termEnd: 'termEnd' in result.state ? result.state.termEnd : undefined };
  }

  @Post(':id/reviews')
  @Roles('commissioner')
  reviewed(@Param('id', Uuid) id: string, @Body() body: RecordReviewDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, placementCommandFrom.review(body));
  }

  @Post(':id/extensions')
  @Roles('commissioner')
  extended(@Param('id', Uuid) id: string, @Body() body: ExtendPlacementDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, placementCommandFrom.extend(body));
  }

  @Post(':id/rate-changes')
  @Roles('commissioner')
  rateChanged(@Param('id', Uuid) id: string, @Body() body: ChangeRateDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, placementCommandFrom.rateChange(body));
  }

  @Post(':id/joint-funding')
  @Roles('commissioner')
  jointlyFunded(@Param('id', Uuid) id: string, @Body() body: AgreeJointFundingDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, placementCommandFrom.jointFunding(body));
  }

  @Post(':id/end')
  @Roles('commissioner')
  ended(@Param('id', Uuid) id: string, @Body() body: EndPlacementDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, placementCommandFrom.end(body));
  }

  @Post(':id/withdraw')
  @Roles('commissioner')
  withdrawn(@Param('id', Uuid) id: string, @Body() body: WithdrawRequestDto, @CurrentActor() actor: Actor, @IfMatch() ifMatch: number | undefined, @Res({ passthrough: true }) res: Response) {
    return this.run(id, actor, res, ifMatch, placementCommandFrom.withdraw(body));
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

import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PreviewPlacementCommand } from '@ledger/application';
import { Roles } from '../auth/auth.decorators';
import { CommissionPlacementDto } from './dto/commission-placement.dto';
import { ExtendPlacementDto } from './dto/placement-changes.dto';
import { placementCommandFrom } from './placement-commands-from-requests';

const Uuid = new ParseUUIDPipe({ version: '4' });

/**
 * What a commission or an extension would cost before it is made: the same body as the command, the
 * same refusals (400, 404, 422), and nothing appended. The figures are the forecast's own.
 */
@ApiTags('placements')
@ApiBearerAuth()
@Controller('api/placements/:id')
export class PlacementPreviewsController {
  constructor(private readonly queries: QueryBus) {}

  @Post('commission/preview')
  @HttpCode(200)
  @Roles('commissioner', 'finance')
  @ApiOperation({ summary: 'The initial term’s cost, this year’s cost and the cost centre’s outturn and RAG before and after; records nothing' })
  commission(@Param('id', Uuid) id: string, @Body() body: CommissionPlacementDto) {
    return this.queries.execute(new PreviewPlacementCommand(id, placementCommandFrom.commission(body)));
  }

  @Post('extensions/preview')
  @HttpCode(200)
  @Roles('commissioner', 'finance')
  @ApiOperation({ summary: 'The extension’s cost and the cost centre’s outturn before and after, on the committed and continuing bases; records nothing' })
  extension(@Param('id', Uuid) id: string, @Body() body: ExtendPlacementDto) {
    return this.queries.execute(new PreviewPlacementCommand(id, placementCommandFrom.extend(body)));
  }
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PLACEMENT_STATUSES, type PlacementStatus } from '@ledger/projections';

export class ListPlacementsQueryDto {
  @ApiPropertyOptional({ enum: PLACEMENT_STATUSES }) @IsOptional() @IsIn(PLACEMENT_STATUSES) status?: PlacementStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) costCentre?: string;
}

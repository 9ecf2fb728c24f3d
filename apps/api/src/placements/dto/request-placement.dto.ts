import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { PLACEMENT_TYPE_CODES } from '@ledger/domain';
import { IsLocalDate } from '../../http/validators';

export class RequestPlacementDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Chosen by the client for an idempotent create; generated when absent' })
  @IsOptional() @IsUUID('4') placementId?: string;

  @ApiProperty({ example: 'LAC-4F7K2', description: 'Pseudonymous child reference; never a name' })
  @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9\-_/]{1,39}$/, { message: 'childRef must be a pseudonymous reference (letters, digits, - _ /; no spaces)' })
  childRef!: string;

  @ApiProperty({ minimum: 0, maximum: 25 }) @IsInt() @Min(0) @Max(25) ageAtRequest!: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 200, { each: true }) needs?: string[];

  @ApiProperty({ example: 'U4', description: 'SSDA903 PLACE code sought' })
  @IsIn(PLACEMENT_TYPE_CODES) placementTypeSought!: string;

  @ApiProperty({ enum: ['emergency', 'planned'] }) @IsIn(['emergency', 'planned']) urgency!: 'emergency' | 'planned';

  @ApiProperty({ example: '2026-11-30' }) @IsLocalDate() requiredFrom!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 12, default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(12) siblingGroupSize?: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PLACEMENT_TYPE_CODES, PROVIDER_TYPE_CODES } from '@ledger/domain';
import { IsLocalDate, MAX_WEEKLY_RATE_PENCE } from '../../http/validators';

const OFSTED_GRADES = ['outstanding', 'good', 'requires-improvement', 'inadequate', 'not-yet-inspected'] as const;

export class ProviderDto {
  @ApiProperty() @IsString() @Length(1, 100) id!: string;
  @ApiProperty() @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 'PR4', description: 'SSDA903 PLACE_PROVIDER code' }) @IsIn(PROVIDER_TYPE_CODES) type!: string;
  @ApiProperty({ enum: OFSTED_GRADES }) @IsIn(OFSTED_GRADES) ofstedGrade!: (typeof OFSTED_GRADES)[number];
  @ApiProperty({ minimum: 0, maximum: 1000 }) @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 }) @Min(0) @Max(1000) distanceMiles!: number;
}

export class RateExceptionDto {
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
  @ApiProperty({ description: 'Who approved the out-of-band rate' }) @IsString() @Length(1, 200) approvedBy!: string;
}

export class CommissionPlacementDto {
  @ApiProperty({ type: ProviderDto }) @IsObject() @ValidateNested() @Type(() => ProviderDto) provider!: ProviderDto;
  @ApiProperty({ example: 'U4', description: 'SSDA903 PLACE code' }) @IsIn(PLACEMENT_TYPE_CODES) placementType!: string;
  @ApiProperty({ example: 95000, description: 'Weekly rate in pence' })
  @IsInt() @Min(1) @Max(MAX_WEEKLY_RATE_PENCE) weeklyRatePence!: number;
  @ApiProperty({ example: '2026-11-23' }) @IsLocalDate() startDate!: string;
  @ApiPropertyOptional({ default: 28, description: 'At most 28 (initial term)' })
  @IsOptional() @IsInt() @Min(1) @Max(3660) initialTermDays?: number;
  @ApiProperty({ example: 'CC-IFA' }) @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9\-_.]{0,39}$/) costCentre!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) emergencyReason?: string;
  @ApiPropertyOptional({ type: RateExceptionDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => RateExceptionDto) rateException?: RateExceptionDto;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { END_REASON_CODES } from '@ledger/domain';
import { IsLocalDate, MAX_WEEKLY_RATE_PENCE } from '../../http/validators';
import { RateExceptionDto } from './commission-placement.dto';

export class RecordReviewDto {
  @ApiProperty({ example: '2026-12-15' }) @IsLocalDate() reviewedOn!: string;
  @ApiProperty({ enum: ['extend', 'end', 'step-down-in-house'] })
  @IsIn(['extend', 'end', 'step-down-in-house']) outcome!: 'extend' | 'end' | 'step-down-in-house';
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 4000) notes?: string;
}

export class ExtendPlacementDto {
  @ApiProperty({ example: '2027-03-22', description: 'Exclusive end of the new term' }) @IsLocalDate() newTermEnd!: string;
  @ApiPropertyOptional({ description: 'A new weekly rate in pence from the previous term end' })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_WEEKLY_RATE_PENCE) weeklyRatePence?: number;
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
  @ApiPropertyOptional({ type: RateExceptionDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => RateExceptionDto) rateException?: RateExceptionDto;
}

export class ChangeRateDto {
  @ApiProperty({ example: '2026-12-01' }) @IsLocalDate() effectiveFrom!: string;
  @ApiProperty({ example: 99000 }) @IsInt() @Min(1) @Max(MAX_WEEKLY_RATE_PENCE) weeklyRatePence!: number;
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
  @ApiPropertyOptional({ type: RateExceptionDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => RateExceptionDto) rateException?: RateExceptionDto;
}

export class AgreeJointFundingDto {
  @ApiProperty({ example: 'health', description: 'health, education, or another contributor' }) @IsString() @Length(1, 100) contributor!: string;
  @ApiProperty({ example: 2500, minimum: 1, maximum: 10000 }) @IsInt() @Min(1) @Max(10000) shareBasisPoints!: number;
  @ApiProperty({ example: '2026-12-01' }) @IsLocalDate() effectiveFrom!: string;
}

export class EndPlacementDto {
  @ApiProperty({ example: '2027-01-10', description: 'The day the child leaves (not charged)' }) @IsLocalDate() endDate!: string;
  @ApiProperty({ example: 'E4A', description: 'SSDA903 reason-ceased code or moved-in-house' }) @IsIn(END_REASON_CODES) reason!: string;
}

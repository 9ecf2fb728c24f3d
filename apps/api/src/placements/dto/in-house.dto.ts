import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsLocalDate } from '../../http/validators';

export class InHouseOptionDto {
  @ApiProperty({ example: 'In-house foster carers (Smith household)' }) @IsString() @Length(1, 200) resource!: string;
  @ApiProperty({ enum: ['available', 'unavailable', 'unsuitable'] })
  @IsIn(['available', 'unavailable', 'unsuitable']) outcome!: 'available' | 'unavailable' | 'unsuitable';
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 2000) note?: string;
}

export class RecordInHouseSearchDto {
  @ApiProperty({ example: '2026-11-20' }) @IsLocalDate() searchedOn!: string;
  @ApiProperty({ type: [InHouseOptionDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => InHouseOptionDto)
  options!: InHouseOptionDto[];
}

export class MatchInHouseDto {
  @ApiProperty() @IsString() @Length(1, 200) resource!: string;
  @ApiProperty({ example: '2026-11-23' }) @IsLocalDate() startDate!: string;
}

export class WithdrawRequestDto {
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Request } from 'express';
import { PageQuery } from './pagination';

/** A page of a table that can also come whole as CSV: `format=csv`, or an Accept header preferring text/csv. */
export class CsvPageQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'Or ask for text/csv in Accept. The CSV holds every row, money in pounds' })
  @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

/** `format=csv`, or no format and an Accept header preferring text/csv to JSON. */
export const wantsCsv = (query: CsvPageQuery, req: Request): boolean =>
  query.format === undefined ? req.accepts(['application/json', 'text/csv']) === 'text/csv' : query.format === 'csv';

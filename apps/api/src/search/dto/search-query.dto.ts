import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CONTENT_LANGUAGES,
  SEARCH_KINDS,
  SEARCH_PAGE_SIZE,
  THEMES,
  type SearchKind,
  type SearchQueryDto,
} from '@iuc/domain';
import { IsCountryCode, toBoolean } from '../../common/query-validators.js';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class SearchQueryParams implements SearchQueryDto {
  @ApiProperty({
    description:
      'What to look for, in any language; "quoted phrases", `or` and `-word` work for words. 1–500 characters.',
    example: 'movilidad ciclista',
  })
  @IsString()
  // Longer than any query we accept: the service answers search.query_too_long past 500.
  @MaxLength(20_000)
  q: string;

  @ApiPropertyOptional({ enum: SEARCH_KINDS })
  @IsOptional()
  @IsIn(SEARCH_KINDS)
  kind?: SearchKind;

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES)
  theme?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 17 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(17)
  sdg?: number;

  @ApiPropertyOptional({ enum: CONTENT_LANGUAGES })
  @IsOptional()
  @IsIn(CONTENT_LANGUAGES)
  language?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  pairingId?: string;

  @ApiPropertyOptional({ example: 'ES' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'From this day (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(DAY, { message: '$property must be a day, YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Up to this day, inclusive.' })
  @IsOptional()
  @Matches(DAY, { message: '$property must be a day, YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: SEARCH_PAGE_SIZE, default: SEARCH_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEARCH_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({
    type: Boolean,
    default: true,
    description: 'Count facets and the total (first page only).',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  facets?: boolean;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  THEMES,
  WORLD_REGIONS,
  type PairingFilters,
  type ThemeCode,
  type WorldRegionCode,
} from '@iuc/domain';
import { CALL_CODES, IsCallCode, IsCountryCode } from '../../common/query-validators.js';

export class PairingListQuery implements PairingFilters {
  @ApiPropertyOptional({ enum: WORLD_REGIONS, description: "The partner side's world region." })
  @IsOptional()
  @IsIn(WORLD_REGIONS)
  region?: WorldRegionCode;

  @ApiPropertyOptional({
    description: 'ISO 3166-1 alpha-2 code of a country on either side.',
    example: 'CO',
  })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ enum: CALL_CODES })
  @IsOptional()
  @IsCallCode()
  call?: string;

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES)
  theme?: ThemeCode;

  @ApiPropertyOptional({
    description: 'Part of an authority name, local name or alias; accents and case do not matter.',
    example: 'malaga',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  text?: string;
}

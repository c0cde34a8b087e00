import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PAIRING_SIDES, WORLD_REGIONS, type PairingSide, type WorldRegionCode } from '@iuc/domain';
import { CALL_CODES, IsCallCode, IsCountryCode } from '../../common/query-validators.js';

export class AuthorityListQuery {
  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2 country code.', example: 'CO' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ enum: WORLD_REGIONS })
  @IsOptional()
  @IsIn(WORLD_REGIONS)
  region?: WorldRegionCode;
}

export class GroupEligibilityQuery {
  @ApiProperty({ enum: CALL_CODES, example: '2017' })
  @IsCallCode()
  call: string;
}

export class AuthorityEligibilityQuery extends GroupEligibilityQuery {
  @ApiProperty({ enum: PAIRING_SIDES, description: 'Apply as an EU applicant or as a partner.' })
  @IsIn(PAIRING_SIDES)
  side: PairingSide;
}

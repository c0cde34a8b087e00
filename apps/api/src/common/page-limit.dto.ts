import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DISCUSSION_DEFAULTS } from '@iuc/domain';

/** The `limit` query parameter of the paged lists (messages, replies, notifications). */
export class PageLimit {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: DISCUSSION_DEFAULTS.maxPageSize,
    default: DISCUSSION_DEFAULTS.defaultPageSize,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(DISCUSSION_DEFAULTS.maxPageSize)
  limit?: number;
}

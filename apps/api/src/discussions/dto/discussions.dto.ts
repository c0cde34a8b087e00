/** REST inputs of discussions (validated by the global ValidationPipe). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  DISCUSSION_DEFAULTS,
  type CreateChannelRequest,
  type MarkReadRequest,
  type UpdateChannelRequest,
} from '@iuc/domain';
import { Trim } from '../../auth/dto/trim.js';
import { PageLimit } from '../../common/page-limit.dto.js';

// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u001F\u007F]*$/;

export class HistoryQuery extends PageLimit {
  @ApiPropertyOptional({ description: 'Messages older than this cursor, newest first.' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  before?: string;

  @ApiPropertyOptional({
    description: 'Messages newer than this cursor, oldest first (e.g. a readCursor).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  after?: string;
}

export class RepliesQuery extends PageLimit {
  @ApiPropertyOptional({ description: 'Replies newer than this cursor, oldest first.' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  after?: string;
}

export class CreateChannelBody implements CreateChannelRequest {
  @ApiProperty({
    example: 'Cycling infrastructure',
    maxLength: DISCUSSION_DEFAULTS.maxChannelNameLength,
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(DISCUSSION_DEFAULTS.maxChannelNameLength)
  @Matches(NO_CONTROL, { message: 'name must not contain control characters' })
  name: string;
}

export class UpdateChannelBody implements UpdateChannelRequest {
  @ApiPropertyOptional({ maxLength: DISCUSSION_DEFAULTS.maxChannelNameLength })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(DISCUSSION_DEFAULTS.maxChannelNameLength)
  @Matches(NO_CONTROL, { message: 'name must not contain control characters' })
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

export class MarkReadBody implements MarkReadRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Read up to this message; the latest when left out.',
  })
  @IsOptional()
  @IsUUID('all')
  messageId?: string;
}

export class MembersQuery {
  @ApiPropertyOptional({ description: 'Start of a name or handle (what follows the @).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

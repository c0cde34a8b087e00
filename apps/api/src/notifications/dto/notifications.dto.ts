import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  DISCUSSION_DEFAULTS,
  type MarkNotificationsReadRequest,
  type NotificationDto,
  type NotificationKind,
  type NotificationListDto,
  type NotificationsUnreadDto,
} from '@iuc/domain';
import { UserRefDoc } from '../../discussions/dto/discussions.docs.js';

export class NotificationListQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: DISCUSSION_DEFAULTS.maxPageSize, default: DISCUSSION_DEFAULTS.defaultPageSize })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(DISCUSSION_DEFAULTS.maxPageSize)
  limit?: number;
}

export class MarkNotificationsReadBody implements MarkNotificationsReadRequest {
  @ApiPropertyOptional({ type: [String], description: 'Notification ids; all of them when left out.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];
}

export class NotificationDoc implements NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['mention'] }) kind: NotificationKind;
  @ApiProperty({ format: 'uuid' }) pairingId: string;
  @ApiProperty({ format: 'uuid' }) channelId: string;
  @ApiProperty({ format: 'uuid' }) messageId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ type: UserRefDoc }) actor: UserRefDoc;
  @ApiProperty({ description: 'The start of the message, plain text.' }) excerpt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
}

export class NotificationListDoc implements NotificationListDto {
  @ApiProperty({ type: [NotificationDoc] }) items: NotificationDoc[];
  @ApiProperty() unread: number;
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class NotificationsUnreadDoc implements NotificationsUnreadDto {
  @ApiProperty() unread: number;
}

import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  type MarkNotificationsReadRequest,
  type NotificationDto,
  type NotificationKind,
  type NotificationListDto,
  type NotificationsUnreadDto,
  PLAN_STATUSES,
  type PlanStatus,
  RESOURCE_STATUSES,
  type ResourceStatus,
} from '@iuc/domain';
import { PageLimit } from '../../common/page-limit.dto.js';
import { UserRefDoc } from '../../common/user-ref.docs.js';

class NotificationsBefore {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  before?: string;
}

/** `before` first, then `limit`: the order the OpenAPI document has always listed them in. */
export class NotificationListQuery extends IntersectionType(NotificationsBefore, PageLimit) {}

export class MarkNotificationsReadBody implements MarkNotificationsReadRequest {
  @ApiPropertyOptional({
    type: [String],
    description: 'Notification ids; all of them when left out.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];
}

/** The OpenAPI shape of NotificationDto (a union by `kind`): each kind's own fields are marked. */
export class NotificationDoc {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['mention', 'plan-review', 'resource-review'] satisfies NotificationKind[] })
  kind: NotificationKind;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null for programme-wide subjects (resource-review)',
  })
  pairingId: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'mention' }) channelId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'mention' }) messageId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'mention: the thread, for a reply',
  })
  parentId?: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'plan-review' }) planId?: string;
  @ApiPropertyOptional({ description: 'plan-review: the stored title' }) planTitle?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'resource-review' }) resourceId?: string;
  @ApiPropertyOptional({ description: "resource-review: the item's title at the step" })
  resourceTitle?: string;
  @ApiPropertyOptional({
    enum: [...new Set([...PLAN_STATUSES, ...RESOURCE_STATUSES])],
    description: 'plan-review, resource-review: the status reached',
  })
  status?: PlanStatus | ResourceStatus;
  @ApiProperty({ type: UserRefDoc }) actor: UserRefDoc;
  @ApiProperty({
    description:
      'The start of the message (mention) or of the comment (plan-review, resource-review), plain text.',
  })
  excerpt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
}

export class NotificationListDoc implements NotificationListDto {
  @ApiProperty({ type: [NotificationDoc] }) items: NotificationDto[];
  @ApiProperty() unread: number;
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class NotificationsUnreadDoc implements NotificationsUnreadDto {
  @ApiProperty() unread: number;
}

import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationListDto, NotificationsUnreadDto } from '@iuc/domain';
import { type Actor, CurrentActor } from '../access/actor.js';
import { ApiErrorDoc, ApiSignedIn } from '../common/api-docs.js';
import {
  MarkNotificationsReadBody,
  NotificationListDoc,
  NotificationListQuery,
  NotificationsUnreadDoc,
} from './dto/notifications.dto.js';
import { NotificationsService } from './notifications.service.js';
import { SignedIn } from '../access/route-access.js';

@ApiTags('notifications')
@ApiSignedIn()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @SignedIn()
  @Get()
  @ApiOperation({
    summary: "The caller's notifications (mentions), newest first, with the unread count.",
  })
  @ApiOkResponse({ type: NotificationListDoc })
  @ApiBadRequestResponse({ type: ApiErrorDoc })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: NotificationListQuery,
  ): Promise<NotificationListDto> {
    return this.notifications.list(actor, query.before, query.limit);
  }

  @SignedIn()
  @Post('read')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Marks the given notifications read (all when no ids are given); answers the unread count.',
  })
  @ApiOkResponse({ type: NotificationsUnreadDoc })
  @ApiBadRequestResponse({ type: ApiErrorDoc })
  markRead(
    @CurrentActor() actor: Actor,
    @Body() body: MarkNotificationsReadBody,
  ): Promise<NotificationsUnreadDto> {
    return this.notifications.markRead(actor, body.ids);
  }
}

import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { OutboxMailDto } from '@iuc/domain';
import { type Actor, CurrentActor } from '../access/actor.js';
import { OUTBOX_LIST_LIMIT, OutboxService } from './outbox.service.js';
import { Requires } from '../access/route-access.js';

class OutboxMailDoc implements OutboxMailDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() to: string;
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiCookieAuth('iuc_session')
@Controller('admin/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Requires('mail.outbox.read')
  @Get()
  @ApiOperation({
    summary: `Mail kept while no SMTP transport is configured, the ${OUTBOX_LIST_LIMIT} newest first (admins).`,
  })
  @ApiOkResponse({ type: [OutboxMailDoc] })
  @ApiForbiddenResponse({ description: 'Not an admin.' })
  list(@CurrentActor() actor: Actor): Promise<OutboxMailDto[]> {
    return this.outbox.list(actor);
  }
}

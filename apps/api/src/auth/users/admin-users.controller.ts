import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../access/actor.js';
import { UsersService } from './users.service.js';
import { Requires } from '../../access/route-access.js';

@ApiTags('admin')
@ApiBearerAuth()
@ApiCookieAuth('iuc_session')
@Controller('admin/users/:userId')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Requires('user.manage')
  @Post('disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Disable an account (admins); all its sessions end at once.' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Not an admin.' })
  @ApiNotFoundResponse({ description: 'No such user.' })
  disable(
    @CurrentActor() actor: Actor,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<void> {
    return this.users.setDisabled(actor, userId, true);
  }

  @Requires('user.manage')
  @Post('enable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Enable a disabled account again (admins).' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Not an admin.' })
  @ApiNotFoundResponse({ description: 'No such user.' })
  enable(
    @CurrentActor() actor: Actor,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<void> {
    return this.users.setDisabled(actor, userId, false);
  }
}

import { Body, Controller, Get, HttpCode, Inject, Post, Res, UseFilters } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { MeResponse, SessionResponse } from '@iuc/domain';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type Actor, CurrentActor, Public } from '../access/actor.js';
import { AuthService } from './auth.service.js';
import { Client, type ClientInfo } from './client-info.js';
import { LoginBody, MeResponseDoc, SessionResponseDoc } from './dto/auth.dto.js';
import { setDeviceCookie } from './login/known-device.js';
import { RetryAfterFilter } from '../common/retry-after.filter.js';
import { clearSessionCookie, setSessionCookie } from './sessions/session-cookie.js';
import { SignedIn } from '../access/route-access.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @UseFilters(RetryAfterFilter)
  @ApiOperation({
    summary:
      'Sign in: starts a new session (the iuc_session cookie) and ends the one the request came with; remembers this browser for the account (the iuc_device cookie), which then gets in while the account or address is locked by others’ failures.',
  })
  @ApiOkResponse({ type: SessionResponseDoc })
  @ApiUnauthorizedResponse({
    description: 'Wrong email or password, or a disabled account (one message for all).',
  })
  @ApiTooManyRequestsResponse({
    description:
      'Too many failed attempts for this account, client or device (code login_throttled), or too many of its sign-ins being checked at once (code login_busy); see Retry-After.',
  })
  @ApiServiceUnavailableResponse({
    description:
      'Too many sign-ins being checked at once on this server (code login_busy); see Retry-After.',
  })
  @ApiForbiddenResponse({
    description:
      'Sent from a page of another origin (code origin_not_allowed); the message names PUBLIC_URL and ALLOWED_ORIGINS.',
  })
  async login(
    @Body() body: LoginBody,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const { session, deviceCookie } = await this.auth.login(body, client);
    setSessionCookie(res, this.config, session.token);
    setDeviceCookie(res, this.config, deviceCookie);
    return session;
  }

  @SignedIn()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiCookieAuth('iuc_session')
  @ApiOperation({ summary: 'Ends the current session and clears the cookie.' })
  @ApiNoContentResponse()
  async logout(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logout(actor);
    clearSessionCookie(res, this.config);
  }

  @SignedIn()
  @Get('me')
  @ApiBearerAuth()
  @ApiCookieAuth('iuc_session')
  @ApiOperation({
    summary: 'The signed-in user with their memberships, and the CSRF token of the session.',
  })
  @ApiOkResponse({ type: MeResponseDoc })
  @ApiUnauthorizedResponse({ description: 'No live session.' })
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.auth.me(actor);
  }
}

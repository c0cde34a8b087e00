import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { InvitationDto, InvitationPreviewDto, SessionResponse } from '@iuc/domain';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type Actor, CurrentActor, Public } from './actor.js';
import { Client, type ClientInfo } from './client-info.js';
import { SessionResponseDoc } from './dto/auth.dto.js';
import {
  AcceptInvitationBody,
  CreateInvitationBody,
  InvitationDoc,
  InvitationPreviewDoc,
} from './dto/invitation.dto.js';
import { InvitationsService } from './invitations.service.js';
import { setSessionCookie } from './session-cookie.js';

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('pairings/:pairingId/invitations')
  @ApiBearerAuth()
  @ApiCookieAuth('iuc_session')
  @ApiOperation({
    summary: 'Invite someone into a pairing; they get a mail with a link valid for 14 days.',
  })
  @ApiCreatedResponse({ type: InvitationDoc })
  @ApiBadRequestResponse({
    description: "Invalid body, or authorityId is not one of the pairing's authorities.",
  })
  @ApiForbiddenResponse({ description: 'No right to invite here, or not with that role.' })
  @ApiNotFoundResponse({ description: 'No such pairing.' })
  create(
    @CurrentActor() actor: Actor,
    @Param('pairingId') pairingId: string,
    @Body() body: CreateInvitationBody,
  ): Promise<InvitationDto> {
    return this.invitations.create(actor, pairingId, body);
  }

  @Get('pairings/:pairingId/invitations')
  @ApiBearerAuth()
  @ApiCookieAuth('iuc_session')
  @ApiOperation({ summary: "The pairing's pending invitations, newest first." })
  @ApiOkResponse({ type: [InvitationDoc] })
  @ApiForbiddenResponse({ description: 'No right to invite here.' })
  @ApiNotFoundResponse({ description: 'No such pairing.' })
  listPending(
    @CurrentActor() actor: Actor,
    @Param('pairingId') pairingId: string,
  ): Promise<InvitationDto[]> {
    return this.invitations.listPending(actor, pairingId);
  }

  @Public()
  @Get('invitations/:token')
  @ApiOperation({ summary: 'What an invitation link offers, before accepting it.' })
  @ApiOkResponse({ type: InvitationPreviewDoc })
  @ApiNotFoundResponse({ description: 'Unknown, expired or already used.' })
  preview(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.invitations.preview(token);
  }

  @Public()
  @Post('invitations/accept')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accept an invitation: creates the account if needed, adds the membership and signs in.',
  })
  @ApiOkResponse({
    type: SessionResponseDoc,
    description: 'Signed in, as with POST /api/auth/login.',
  })
  @ApiBadRequestResponse({ description: 'Invalid body, or no password for a new account.' })
  @ApiNotFoundResponse({ description: 'Unknown, expired or already used.' })
  async accept(
    @Body() body: AcceptInvitationBody,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const session = await this.invitations.accept(body, client);
    setSessionCookie(res, this.config, session.token);
    return session;
  }
}

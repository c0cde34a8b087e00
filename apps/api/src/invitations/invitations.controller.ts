import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AcceptInvitationResponse, InvitationDto, InvitationPreviewDto } from '@iuc/domain';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type Actor, CurrentActor, OptionalActor, Public } from '../access/actor.js';
import { Client, type ClientInfo } from '../auth/client-info.js';
import {
  AcceptInvitationBody,
  AcceptInvitationDoc,
  CreateInvitationBody,
  InvitationDoc,
  InvitationPreviewDoc,
} from './dto/invitation.dto.js';
import { InvitationAcceptanceService } from './invitation-acceptance.service.js';
import { InvitationsService } from './invitations.service.js';
import { setSessionCookie } from '../auth/sessions/session-cookie.js';
import { Requires } from '../access/route-access.js';

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly acceptance: InvitationAcceptanceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Requires('pairing.invite')
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
  @ApiForbiddenResponse({
    description:
      "No right to invite here, or not with that role, or (a city's coordinator) to another side than their own: code invitation.own_side_only. A coordinator who names no side invites to their own.",
  })
  @ApiConflictResponse({
    description: 'The address is a programme staff account (code invitation.staff_account).',
  })
  @ApiNotFoundResponse({ description: 'No such pairing.' })
  create(
    @CurrentActor() actor: Actor,
    @Param('pairingId') pairingId: string,
    @Body() body: CreateInvitationBody,
  ): Promise<InvitationDto> {
    return this.invitations.create(actor, pairingId, body);
  }

  @Requires('pairing.invite', { onPairing: 'pairingId' })
  @Get('pairings/:pairingId/invitations')
  @ApiBearerAuth()
  @ApiCookieAuth('iuc_session')
  @ApiOperation({ summary: "The pairing's pending invitations, newest first." })
  @ApiOkResponse({ type: [InvitationDoc] })
  @ApiForbiddenResponse({ description: 'No right to invite here.' })
  @ApiNotFoundResponse({ description: 'No such pairing.' })
  listPending(@Param('pairingId') pairingId: string): Promise<InvitationDto[]> {
    return this.invitations.listPending(pairingId);
  }

  @Public()
  @Get('invitations/:token')
  @ApiOperation({
    summary:
      'What an invitation link offers, before accepting it; to the invitee signed in, also what accepting changes.',
  })
  @ApiOkResponse({ type: InvitationPreviewDoc })
  @ApiNotFoundResponse({ description: 'Unknown, expired or already used.' })
  preview(
    @Param('token') token: string,
    @OptionalActor() actor: Actor | null,
  ): Promise<InvitationPreviewDto> {
    return this.acceptance.preview(token, actor);
  }

  @Public()
  @Post('invitations/accept')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accept an invitation. For a new address: creates the account and signs it in. For an existing account: only signed in as it, and a change that lowers or moves its membership needs confirmChange: true.',
  })
  @ApiOkResponse({
    type: AcceptInvitationDoc,
    description: 'Accepted: the pairing joined, the account, and the new session of a new account.',
  })
  @ApiBadRequestResponse({ description: 'Invalid body, or no password for a new account.' })
  @ApiUnauthorizedResponse({
    description:
      'The address has an account: sign in as it first (code invitation.sign_in_required).',
  })
  @ApiForbiddenResponse({
    description:
      'Signed in as another account (invitation.other_account), a staff account (invitation.staff_account), or the account is disabled.',
  })
  @ApiConflictResponse({
    description:
      'The change lowers or moves the membership and was not confirmed (invitation.confirm_change), or the account or membership changed meanwhile.',
  })
  @ApiNotFoundResponse({ description: 'Unknown, expired or already used.' })
  async accept(
    @Body() body: AcceptInvitationBody,
    @OptionalActor() actor: Actor | null,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AcceptInvitationResponse> {
    const accepted = await this.acceptance.accept(body, actor, client);
    if (accepted.session) setSessionCookie(res, this.config, accepted.session.token);
    return accepted;
  }
}

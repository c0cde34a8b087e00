import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type {
  ChannelDto,
  MentionCandidateDto,
  MessagePageDto,
  ReadStateDto,
  ThreadDto,
} from '@iuc/domain';
import { type Actor, CurrentActor } from '../access/actor.js';
import { ApiErrorDoc, ApiSignedIn } from '../common/api-docs.js';
import { DiscussionsService } from './discussions.service.js';
import {
  CreateChannelBody,
  HistoryQuery,
  MarkReadBody,
  MembersQuery,
  RepliesQuery,
  UpdateChannelBody,
} from './dto/discussions.dto.js';
import {
  ChannelDoc,
  MentionCandidateDoc,
  MessagePageDoc,
  ReadStateDoc,
  ThreadDoc,
} from './dto/discussions.docs.js';
import { Requires } from '../access/route-access.js';

/** REST side of discussions: channels, history, threads, read positions. Live events are on socket.io. */
@ApiTags('discussions')
@ApiSignedIn()
@Controller()
export class DiscussionsController {
  constructor(private readonly discussions: DiscussionsService) {}

  @Requires('discussion.read', { onPairing: 'id' })
  @Get('pairings/:id/channels')
  @ApiOperation({
    summary: "A pairing's channels the caller may read, with unread counts and read positions.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: [ChannelDoc] })
  @ApiForbiddenResponse({ type: ApiErrorDoc, description: 'Not a member of the pairing.' })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  channels(@CurrentActor() actor: Actor, @Param('id') pairingId: string): Promise<ChannelDto[]> {
    return this.discussions.listChannels(actor, pairingId);
  }

  @Requires('discussion.channel.manage')
  @Post('pairings/:id/channels')
  @ApiOperation({ summary: 'Creates a topic channel (coordinators and programme staff).' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: ChannelDoc })
  @ApiBadRequestResponse({ type: ApiErrorDoc })
  @ApiForbiddenResponse({ type: ApiErrorDoc })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  @ApiConflictResponse({ type: ApiErrorDoc, description: 'The name is taken in this pairing.' })
  createChannel(
    @CurrentActor() actor: Actor,
    @Param('id') pairingId: string,
    @Body() body: CreateChannelBody,
  ): Promise<ChannelDto> {
    return this.discussions.createChannel(actor, pairingId, body.name);
  }

  @Requires('channel.manage')
  @Patch('channels/:id')
  @ApiOperation({
    summary: 'Renames or archives a topic channel (coordinators and programme staff).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ChannelDoc })
  @ApiBadRequestResponse({ type: ApiErrorDoc })
  @ApiForbiddenResponse({ type: ApiErrorDoc })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  @ApiConflictResponse({ type: ApiErrorDoc })
  updateChannel(
    @CurrentActor() actor: Actor,
    @Param('id') channelId: string,
    @Body() body: UpdateChannelBody,
  ): Promise<ChannelDto> {
    return this.discussions.updateChannel(actor, channelId, body);
  }

  @Requires('channel.read')
  @Get('channels/:id/messages')
  @ApiOperation({
    summary:
      "A channel's messages: the latest, or ?before=<cursor> (newest first), or ?after=<cursor> (oldest first). Thread replies are not included.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: MessagePageDoc })
  @ApiBadRequestResponse({ type: ApiErrorDoc })
  @ApiNotFoundResponse({
    type: ApiErrorDoc,
    description: 'Unknown channel, or one the caller may not read.',
  })
  history(
    @CurrentActor() actor: Actor,
    @Param('id') channelId: string,
    @Query() query: HistoryQuery,
  ): Promise<MessagePageDto> {
    return this.discussions.history(actor, channelId, query);
  }

  @Requires('channel.read')
  @Post('channels/:id/read')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Moves the read position forward (to messageId, or the latest message); answers the new unread count.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ReadStateDoc })
  @ApiBadRequestResponse({ type: ApiErrorDoc })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  markRead(
    @CurrentActor() actor: Actor,
    @Param('id') channelId: string,
    @Body() body: MarkReadBody,
  ): Promise<ReadStateDto> {
    return this.discussions.markRead(actor, channelId, body.messageId);
  }

  @Requires('channel.read')
  @Get('channels/:id/members')
  @ApiOperation({
    summary:
      'Who can be mentioned in the channel (those who may read it), by the start of their name or handle.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: [MentionCandidateDoc] })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  members(
    @CurrentActor() actor: Actor,
    @Param('id') channelId: string,
    @Query() query: MembersQuery,
  ): Promise<MentionCandidateDto[]> {
    return this.discussions.members(actor, channelId, query.q);
  }

  @Requires('channel.read')
  @Get('messages/:id/replies')
  @ApiOperation({
    summary:
      'A thread: its first message and its replies, oldest first (?after=<cursor> for more).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ThreadDoc })
  @ApiBadRequestResponse({ type: ApiErrorDoc })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  replies(
    @CurrentActor() actor: Actor,
    @Param('id') messageId: string,
    @Query() query: RepliesQuery,
  ): Promise<ThreadDto> {
    return this.discussions.thread(actor, messageId, query);
  }
}

import { Module } from '@nestjs/common';
import { AccessLocators } from '../access/access.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { PairingsModule } from '../pairings/pairings.module.js';
import { CHANNEL_LOCATOR } from './channels/channel.locator.js';
import { ChannelsRepository } from './channels/channels.repository.js';
import { DISCUSSIONS_LIMITS, loadDiscussionsLimits } from './discussions.config.js';
import { DiscussionsController } from './discussions.controller.js';
import { DiscussionsGateway } from './realtime/discussions.gateway.js';
import { DiscussionsHub } from './realtime/discussions.hub.js';
import { DiscussionsPolicy } from './discussions.policy.js';
import { DiscussionsService } from './discussions.service.js';
import { MessagesRepository } from './messages/messages.repository.js';
import { MessageSearchRepository } from './messages/message-search.repository.js';
import { MessageSearchSource } from './messages/message.search-source.js';

/**
 * Pairing discussions: channels, messages, threads, reactions, read positions, mentions; REST for
 * history and the `/discussions` socket.io namespace for everything live. The socket.io server
 * itself is set up by DiscussionsIoAdapter (app.factory.ts).
 */
@Module({
  imports: [AuthModule, PairingsModule, AccessLocators.register(CHANNEL_LOCATOR)],
  controllers: [DiscussionsController],
  providers: [
    { provide: DISCUSSIONS_LIMITS, useFactory: () => loadDiscussionsLimits() },
    ChannelsRepository,
    MessagesRepository,
    MessageSearchRepository,
    MessageSearchSource,
    DiscussionsPolicy,
    DiscussionsHub,
    DiscussionsService,
    DiscussionsGateway,
  ],
  exports: [DiscussionsService],
})
export class DiscussionsModule {}

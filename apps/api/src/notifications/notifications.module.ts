import { Module } from '@nestjs/common';
import { PairingsModule } from '../pairings/pairings.module.js';
import { NotificationSubscribers } from './notification-subscribers.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

/**
 * In-app notifications. Written from other modules' events (mentions, plan review steps), never
 * called by them; new ones go out as events for the realtime layer to push.
 */
@Module({
  imports: [PairingsModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, NotificationSubscribers],
})
export class NotificationsModule {}

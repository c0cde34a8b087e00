import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
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
  imports: [AuthModule, PairingsModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, NotificationSubscribers],
})
export class NotificationsModule {}

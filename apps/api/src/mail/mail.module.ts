import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { MAIL_TRANSPORT } from './mail-transport.js';
import { OutboxMailEntity } from './outbox-mail.entity.js';
import { OutboxMailTransport } from './outbox-mail.transport.js';
import { OutboxController } from './outbox.controller.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxService } from './outbox.service.js';
import { SmtpMailTransport } from './smtp-mail.transport.js';

/** Sending mail (`@Inject(MAIL_TRANSPORT)`), SMTP or the database outbox by configuration. */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMailEntity])],
  controllers: [OutboxController],
  providers: [
    OutboxRepository,
    OutboxService,
    {
      provide: MAIL_TRANSPORT,
      inject: [APP_CONFIG, OutboxRepository],
      useFactory: (config: AppConfig, outbox: OutboxRepository) =>
        config.smtpUrl
          ? new SmtpMailTransport(config.smtpUrl, config.mailFrom)
          : new OutboxMailTransport(outbox),
    },
  ],
  exports: [MAIL_TRANSPORT, OutboxService],
})
export class MailModule {}

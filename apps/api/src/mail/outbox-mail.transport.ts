import { Logger } from '@nestjs/common';
import type { MailTransport, OutgoingMail } from './mail-transport.js';
import type { OutboxRepository } from './outbox.repository.js';

/**
 * Without SMTP, mail is kept in the database for an admin to read (GET /api/admin/outbox). The log
 * line names recipient and subject only: bodies carry sign-in links.
 */
export class OutboxMailTransport implements MailTransport {
  private readonly logger = new Logger('Mail');

  constructor(private readonly outbox: OutboxRepository) {}

  async send(mail: OutgoingMail): Promise<void> {
    await this.outbox.add(mail);
    this.logger.log(`Mail to ${mail.to} kept in the outbox (no SMTP configured): ${mail.subject}`);
  }
}

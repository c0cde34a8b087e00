import { Injectable } from '@nestjs/common';
import type { OutboxMailDto } from '@iuc/domain';
import { AccessService } from '../access/access.service.js';
import type { Actor } from '../access/actor.js';
import { OutboxRepository } from './outbox.repository.js';

/** How many outbox mails the admin view lists (newest first). */
export const OUTBOX_LIST_LIMIT = 200;

@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor): Promise<OutboxMailDto[]> {
    this.access.requireProgramme(actor, 'mail.outbox.read');
    const mails = await this.outbox.newest(OUTBOX_LIST_LIMIT);
    return mails.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      text: m.text,
      createdAt: m.createdAt.toISOString(),
    }));
  }
}

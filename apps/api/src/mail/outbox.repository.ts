import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { OutboxMailEntity } from './outbox-mail.entity.js';
import type { OutgoingMail } from './mail-transport.js';

@Injectable()
export class OutboxRepository {
  constructor(
    @InjectRepository(OutboxMailEntity) private readonly outbox: Repository<OutboxMailEntity>,
  ) {}

  async add(mail: OutgoingMail): Promise<void> {
    await this.outbox.insert(mail);
  }

  newest(limit: number): Promise<OutboxMailEntity[]> {
    return this.outbox.find({ order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }
}

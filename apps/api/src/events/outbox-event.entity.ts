import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DurableEventType } from './domain-events.js';

/** A durable event written in its producer's transaction, waiting for delivery (deleted once delivered). */
@Entity('event_outbox')
@Index('event_outbox_created_idx', ['createdAt', 'id'])
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  type: DurableEventType;

  @Column({ type: 'jsonb' })
  payload: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Failed deliveries so far (logged; the row is retried by the periodic pass). */
  @Column({ type: 'int', default: 0 })
  attempts: number;
}

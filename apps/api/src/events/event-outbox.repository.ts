import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Queryable } from '../database/queryable.js';
import type { DomainEvent, DomainEvents, DurableEventType } from './domain-events.js';

export interface StagedEvent<K extends DurableEventType = DurableEventType> {
  type: K;
  payload: DomainEvents[K];
}

interface RawOutboxRow {
  id: string;
  type: DurableEventType;
  payload: DomainEvents[DurableEventType];
}

/** The event outbox: durable events staged in their producer's transaction, claimed for delivery after commit. */
@Injectable()
export class EventOutboxRepository {
  /**
   * Stages events inside the caller's transaction (`db` is its entity manager or connection), so
   * that they exist exactly when the producer's change does. Answers their ids.
   */
  async stage(db: Queryable, events: readonly StagedEvent[]): Promise<string[]> {
    if (!events.length) return [];
    const rows = (await db.query(
      `INSERT INTO event_outbox (type, payload)
       SELECT x.type, x.payload FROM jsonb_to_recordset($1::jsonb) AS x(type text, payload jsonb) RETURNING id`,
      [JSON.stringify(events)],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * Takes the oldest undelivered events for this transaction; rows another instance holds are
   * skipped, so several instances deliver side by side and never the same event at once.
   */
  async claim(m: EntityManager, limit: number): Promise<DomainEvent[]> {
    const rows: RawOutboxRow[] = await m.query(
      'SELECT id, type, payload FROM event_outbox ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED',
      [limit],
    );
    return rows.map((r) => ({ id: r.id, type: r.type, payload: r.payload }) as DomainEvent);
  }

  async delivered(m: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length) await m.query('DELETE FROM event_outbox WHERE id = ANY($1::uuid[])', [ids]);
  }

  async failed(m: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length)
      await m.query('UPDATE event_outbox SET attempts = attempts + 1 WHERE id = ANY($1::uuid[])', [
        ids,
      ]);
  }
}

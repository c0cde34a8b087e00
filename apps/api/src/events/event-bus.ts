import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DomainEvent, DomainEvents, DomainEventType } from './domain-events.js';

type Handler<K extends DomainEventType> = (event: DomainEvent<K>) => Promise<void> | void;

/**
 * In-process publish and subscribe over the typed event map. `publish` is for events whose loss
 * costs nothing durable (live pushes, excerpt refreshes); durable ones are staged in the outbox
 * and come here through OutboxRelay.deliver.
 */
@Injectable()
export class EventBus {
  private readonly logger = new Logger('Events');
  private readonly handlers = new Map<DomainEventType, Set<Handler<never>>>();

  subscribe<K extends DomainEventType>(type: K, handler: Handler<K>): () => void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(handler as Handler<never>);
    return () => set.delete(handler as Handler<never>);
  }

  /** Runs the subscribers (a failing one is logged, never the producer's problem); resolves when all are done. */
  async publish<K extends DomainEventType>(type: K, payload: DomainEvents[K]): Promise<void> {
    const event: DomainEvent<K> = { id: randomUUID(), type, payload };
    await Promise.all(
      this.handlersOf(type).map(async (handler) => {
        try {
          await handler(event);
        } catch (err) {
          this.logger.error(`${type} subscriber failed: ${(err as Error).message}`);
        }
      }),
    );
  }

  /** Runs the subscribers of a delivered outbox event; rejects when one fails (the event stays for a retry). */
  async deliver(event: DomainEvent): Promise<void> {
    await Promise.all(this.handlersOf(event.type).map(async (handler) => handler(event as never)));
  }

  private handlersOf<K extends DomainEventType>(type: K): Handler<K>[] {
    return [...(this.handlers.get(type) ?? [])] as Handler<K>[];
  }
}

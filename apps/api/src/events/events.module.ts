import { Global, Module } from '@nestjs/common';
import { EventBus } from './event-bus.js';
import { OutboxRelay } from './outbox-relay.js';
import { EventOutboxRepository } from './event-outbox.repository.js';

/** Typed domain events between modules: the in-process bus and the durable outbox. */
@Global()
@Module({
  providers: [EventBus, EventOutboxRepository, OutboxRelay],
  exports: [EventBus, EventOutboxRepository, OutboxRelay],
})
export class EventsModule {}

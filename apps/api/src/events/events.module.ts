import { Global, Module } from '@nestjs/common';
import { EventBus } from './event-bus.js';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxRepository } from './outbox.repository.js';

/** Typed domain events between modules: the in-process bus and the durable outbox. */
@Global()
@Module({
  providers: [EventBus, OutboxRepository, OutboxRelay],
  exports: [EventBus, OutboxRepository, OutboxRelay],
})
export class EventsModule {}

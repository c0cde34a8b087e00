import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '../events/event-bus.js';
import { SearchIndexer } from './search-indexer.js';

/**
 * What the modules' events mean for the index: which subject to ask its source about again.
 * Subscribers only queue (publishers wait for their subscribers); the indexer writes after.
 */
@Injectable()
export class SearchFeeds implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly indexer: SearchIndexer,
  ) {}

  onModuleInit(): void {
    const queue = (subject: string, id: string) => void this.indexer.refresh(subject, [id]);
    this.events.subscribe('resource.changed', ({ payload }) =>
      queue('resource', payload.resourceId),
    );
    // A file's text is part of its subject's documents (a library item's files).
    this.events.subscribe('file.processed', ({ payload }) =>
      queue(payload.subjectKind, payload.subjectId),
    );
    // A plan's documents follow its text only (every member reads it, whatever its status).
    this.events.subscribe('plan.text-changed', ({ payload }) => queue('plan', payload.planId));
    for (const change of ['message.posted', 'message.edited', 'message.deleted'] as const) {
      this.events.subscribe(change, ({ payload }) => queue('message', payload.messageId));
    }
    // Who may find a person follows their memberships.
    for (const change of ['member.added', 'member.removed'] as const) {
      this.events.subscribe(change, ({ payload }) => queue('person', payload.userId));
    }
  }
}

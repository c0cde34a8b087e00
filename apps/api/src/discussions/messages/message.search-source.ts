import { Injectable, type OnModuleInit } from '@nestjs/common';
import { searchUrls } from '@iuc/domain';
import { excerpt } from '../../common/excerpt.js';
import { isUuid } from '../../common/ids.js';
import { PairingsService } from '../../pairings/pairings.service.js';
import type { SearchDocument, SearchSource } from '../../search/search-document.js';
import { SearchSources } from '../../search/search-sources.js';
import { plainText } from './message-body.js';
import { MessageSearchRepository, type SearchableMessageRow } from './message-search.repository.js';

/**
 * Discussion messages in search, replies included. The channel rule (channelRights): a city
 * channel's messages are for that side of the pairing (and staff), every other channel's for the
 * whole pairing. A deleted message yields nothing, so it leaves the index.
 */
@Injectable()
export class MessageSearchSource implements SearchSource, OnModuleInit {
  readonly subject = 'message';

  constructor(
    private readonly sources: SearchSources,
    private readonly messages: MessageSearchRepository,
    private readonly pairings: PairingsService,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async documentsOf(subjectIds: readonly string[]): Promise<Map<string, SearchDocument[]>> {
    const rows = await this.messages.byIds(subjectIds.filter(isUuid));
    const live = rows.filter((m) => !m.deleted && m.body.trim());
    const pairingIds = [...new Set(live.map((m) => m.pairingId))];
    const titles = await Promise.all(pairingIds.map((id) => this.pairings.title(id)));
    const pairingTitle = new Map(pairingIds.map((id, n) => [id, titles[n]]));
    const documents = new Map<string, SearchDocument[]>(rows.map((m) => [m.id, []]));
    for (const m of live) documents.set(m.id, [messageDocument(m, pairingTitle.get(m.pairingId))]);
    return documents;
  }

  subjectIds(after: string | null, limit: number, changedSince?: Date): Promise<string[]> {
    return changedSince
      ? this.messages.changedIdsAfter(after, limit, changedSince)
      : this.messages.liveIdsAfter(after, limit);
  }
}

function messageDocument(m: SearchableMessageRow, pairingTitle?: string): SearchDocument {
  const text = plainText(m.body);
  const sideOnly = m.channelKind === 'city';
  return {
    kind: 'message',
    id: m.id,
    // Its first words name it; the channel and pairing say where it was said.
    title: excerpt(text, 80),
    summary: '',
    body: text,
    language: null,
    audience: sideOnly ? 'side' : 'pairing',
    pairingIds: [m.pairingId],
    side: sideOnly ? m.channelSide : null,
    authorityId: null,
    // Left out on purpose: an author who leaves the pairing (or its side) loses the channel too.
    authorId: null,
    themes: [],
    sdgs: [],
    country: null,
    date: m.editedAt ?? m.createdAt,
    url: searchUrls.message(m.pairingId, m.channelId, m.id, m.parentId),
    context: pairingTitle ? `${m.channelName} · ${pairingTitle}` : m.channelName,
  };
}

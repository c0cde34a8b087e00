import { Injectable, type OnModuleInit } from '@nestjs/common';
import { searchUrls } from '@iuc/domain';
import type { SearchAudience, SearchDocument, SearchSource } from '../../search/search-document.js';
import { SearchSources } from '../../search/search-sources.js';
import { LibraryFiles, type ItemFileText } from '../files/library-files.js';
import { ResourcesRepository, type ResourceRow } from '../items/resources.repository.js';

/**
 * Who finds an item, the library's read rule (resourceRights) as an audience: a programme item
 * everyone once published (staff and the author before); a pairing item its pairing; a side
 * item its city's team. The author always finds their own (SearchDocument.authorId).
 */
function audienceOf(item: ResourceRow): SearchAudience {
  if (item.scopeLevel === 'programme') return item.status === 'published' ? 'everyone' : 'staff';
  return item.scopeLevel === 'pairing' ? 'pairing' : 'team';
}

/** The fields below the title and summary, in the order the item page shows them. */
function bodyOf(item: ResourceRow): string {
  return [
    item.problem,
    item.approach,
    item.participation,
    item.results,
    item.resourcesNeeded,
    item.timescale,
    item.transferability,
    item.lessons,
    item.contact,
  ]
    .filter((text) => text.trim().length > 0)
    .join('\n\n');
}

function documentsOf(item: ResourceRow, files: ItemFileText[]): SearchDocument[] {
  const placement = {
    language: item.language,
    audience: audienceOf(item),
    pairingIds: item.pairingId ? [item.pairingId] : [],
    side: null,
    authorityId: item.scopeLevel === 'side' ? item.authorityId : null,
    authorId: item.authorId,
    themes: item.themes,
    sdgs: item.sdgs,
    country: item.cityCountry,
  };
  const resource: SearchDocument = {
    ...placement,
    kind: 'resource',
    id: item.id,
    title: item.title,
    summary: item.summary,
    body: bodyOf(item),
    date: item.publishedAt ?? item.updatedAt,
    url: searchUrls.resource(item.id),
    context: null,
  };
  const withText = files.filter((f) => f.text && f.text.trim().length > 0);
  return [
    resource,
    ...withText.map((file): SearchDocument => ({
      ...placement,
      kind: 'file',
      id: file.id,
      title: file.name,
      summary: '',
      body: file.text!,
      date: file.createdAt,
      url: searchUrls.file(item.id, file.id),
      context: item.title,
    })),
  ];
}

/** Library items and the text of their files, for search. */
@Injectable()
export class ResourceSearchSource implements SearchSource, OnModuleInit {
  readonly subject = 'resource';

  constructor(
    private readonly sources: SearchSources,
    private readonly items: ResourcesRepository,
    private readonly files: LibraryFiles,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async documentsOf(ids: readonly string[]): Promise<Map<string, SearchDocument[]>> {
    const live = await this.items.findLive(ids);
    const files = await this.files.textsOf(live.map((item) => item.id));
    return new Map(live.map((item) => [item.id, documentsOf(item, files.get(item.id) ?? [])]));
  }

  subjectIds(after: string | null, limit: number, changedSince?: Date): Promise<string[]> {
    return this.items.idsAfter(after, limit, changedSince);
  }
}

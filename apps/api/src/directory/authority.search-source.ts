import { Injectable, type OnModuleInit } from '@nestjs/common';
import { searchUrls } from '@iuc/domain';
import { isUuid } from '../common/ids.js';
import type { SearchDocument, SearchSource } from '../search/search-document.js';
import { SearchSources } from '../search/search-sources.js';
import type { AuthorityEntity } from './authority.entity.js';
import { AuthorityRepository } from './authority.repository.js';
import { countryName, countryNamesInEveryLanguage } from './country-names.js';

/**
 * Cities and regions in search: found by everyone signed in, by their names (local name and
 * aliases too) and by their country's name in any UI language.
 */
@Injectable()
export class AuthoritySearchSource implements SearchSource, OnModuleInit {
  readonly subject = 'authority';

  constructor(
    private readonly sources: SearchSources,
    private readonly authorities: AuthorityRepository,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async documentsOf(subjectIds: readonly string[]): Promise<Map<string, SearchDocument[]>> {
    const rows = await this.authorities.findByIds(subjectIds.filter(isUuid));
    // The directory keeps no times: a city is dated when it is indexed.
    const now = new Date();
    return new Map(rows.map((a) => [a.id, [authorityDocument(a, now)]]));
  }

  subjectIds(after: string | null, limit: number): Promise<string[]> {
    return this.authorities.idsAfter(after, limit);
  }
}

/** Needs `parent` loaded when the authority has one. */
function authorityDocument(a: AuthorityEntity, date: Date): SearchDocument {
  const country = countryName(a.countryIso);
  return {
    kind: 'authority',
    id: a.id,
    title: a.name,
    summary: [a.parent?.name, country].filter(Boolean).join(', '),
    body: [a.localName, ...a.aliases, ...countryNamesInEveryLanguage(a.countryIso)]
      .filter(Boolean)
      .join('\n'),
    language: null,
    audience: 'everyone',
    pairingIds: [],
    side: null,
    authorityId: a.id,
    authorId: null,
    themes: [],
    sdgs: [],
    country: a.countryIso.trim().toUpperCase(),
    date,
    url: searchUrls.authority(a.id),
    context: country,
  };
}

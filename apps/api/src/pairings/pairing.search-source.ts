import { Injectable, type OnModuleInit } from '@nestjs/common';
import { pairingTitle, searchUrls, type AuthorityDto } from '@iuc/domain';
import { isUuid } from '../common/ids.js';
import { countryName } from '../directory/country-names.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { SearchDocument, SearchSource } from '../search/search-document.js';
import { SearchSources } from '../search/search-sources.js';
import type { PairingEntity } from './pairing.entity.js';
import { sideAuthorities, type AuthorityLookup } from './pairings.mappers.js';
import { PairingsRepository } from './pairings.repository.js';

/**
 * Pairings in search: the programme's directory of pairings is open to everyone signed in, so each
 * pairing is found by its cities, their countries and its description.
 */
@Injectable()
export class PairingSearchSource implements SearchSource, OnModuleInit {
  readonly subject = 'pairing';

  constructor(
    private readonly sources: SearchSources,
    private readonly pairings: PairingsRepository,
    private readonly directory: DirectoryService,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async documentsOf(subjectIds: readonly string[]): Promise<Map<string, SearchDocument[]>> {
    const rows = await this.pairings.findByIds(subjectIds.filter(isUuid));
    const lookup = await this.directory.authoritiesByIds(
      rows.flatMap((p) => (p.authorities ?? []).map((pa) => pa.authorityId)),
    );
    return new Map(rows.map((p) => [p.id, [pairingDocument(p, lookup)]]));
  }

  subjectIds(after: string | null, limit: number): Promise<string[]> {
    return this.pairings.idsAfter(after, limit);
  }
}

/** Needs `authorities` and `call` loaded on the pairing. */
function pairingDocument(p: PairingEntity, lookup: AuthorityLookup): SearchDocument {
  const eu = sideAuthorities(p, 'eu', lookup);
  const partner = sideAuthorities(p, 'partner', lookup);
  const cities = [...eu, ...partner];
  const place = (a: AuthorityDto) => `${a.name}, ${countryName(a.countryIso)}`;
  return {
    kind: 'pairing',
    id: p.id,
    title: pairingTitle(
      eu.map((a) => a.name),
      partner.map((a) => a.name),
    ),
    summary: cities.map(place).join(' · '),
    // The cities' names in their own language find the pairing too.
    body: [p.description, ...cities.map((a) => a.localName)].filter(Boolean).join('\n'),
    language: null,
    audience: 'everyone',
    pairingIds: [p.id],
    side: null,
    authorityId: null,
    authorId: null,
    themes: p.themes,
    sdgs: [],
    // A pairing spans two countries and the index holds one: its cities' documents carry theirs.
    country: null,
    date: p.createdAt,
    url: searchUrls.pairing(p.id),
    context: p.call?.name ?? null,
  };
}

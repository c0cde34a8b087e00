import { Injectable, type OnModuleInit } from '@nestjs/common';
import { searchUrls } from '@iuc/domain';
import { UsersService, type UserProfile } from '../auth/users/users.service.js';
import { isUuid } from '../common/ids.js';
import type { SearchAudience, SearchDocument, SearchSource } from '../search/search-document.js';
import { SearchSources } from '../search/search-sources.js';
import { MembershipsService } from './memberships.service.js';

/**
 * People in search, by name only (never an e-mail address or a role). Programme staff work with
 * every pairing and are found by everyone; other people by the members of the pairings they
 * belong to; someone in no pairing only by staff. Lives here, not in auth: it needs memberships,
 * and auth may not depend on pairings.
 */
@Injectable()
export class PersonSearchSource implements SearchSource, OnModuleInit {
  readonly subject = 'person';

  constructor(
    private readonly sources: SearchSources,
    private readonly users: UsersService,
    private readonly memberships: MembershipsService,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async documentsOf(subjectIds: readonly string[]): Promise<Map<string, SearchDocument[]>> {
    const ids = subjectIds.filter(isUuid);
    const [profiles, pairings] = await Promise.all([
      this.users.profilesByIds(ids),
      this.memberships.pairingsOfUsers(ids),
    ]);
    return new Map(
      [...profiles.values()].map((p) => [
        p.id,
        p.disabled ? [] : [personDocument(p, pairings.get(p.id) ?? [])],
      ]),
    );
  }

  subjectIds(after: string | null, limit: number): Promise<string[]> {
    return this.users.accountIdsAfter(after, limit);
  }
}

function personDocument(p: UserProfile, pairingIds: string[]): SearchDocument {
  const audience: SearchAudience =
    p.programmeRole !== null ? 'everyone' : pairingIds.length ? 'pairing' : 'staff';
  return {
    kind: 'person',
    id: p.id,
    title: p.name,
    summary: '',
    body: '',
    language: null,
    audience,
    pairingIds,
    side: null,
    authorityId: null,
    authorId: null,
    themes: [],
    sdgs: [],
    country: null,
    date: p.createdAt,
    // The search module swaps in a pairing the searcher shares with them when it answers.
    url: searchUrls.person(pairingIds[0] ?? ''),
    context: null,
  };
}

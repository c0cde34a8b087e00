import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { parseSearchQuery, SEARCH_PAGE_SIZE, type SearchResponseDto } from '@iuc/domain';
import { AccessService } from '../access/access.service.js';
import type { Actor } from '../access/actor.js';
import { codedError } from '../common/coded-error.js';
import type { SearchQueryParams } from './dto/search-query.dto.js';
import { decodeSearchCursor, encodeSearchCursor, searchFingerprint } from './search-cursor.js';
import { SearchPacer } from './search-pacer.js';
import { SEARCH_PROVIDER, type SearchProvider } from './search-provider.js';

/** One search for one person: the query checked, their readable scopes, the provider asked. */
@Injectable()
export class SearchService {
  constructor(
    private readonly access: AccessService,
    @Inject(SEARCH_PROVIDER) private readonly provider: SearchProvider,
    private readonly pacer: SearchPacer,
  ) {}

  async search(actor: Actor, params: SearchQueryParams): Promise<SearchResponseDto> {
    await this.pacer.admit(actor.userId);
    const query = parseSearchQuery(params.q);
    if (!query.ok) {
      throw new BadRequestException(
        query.reason === 'empty'
          ? codedError('search.empty_query', 'Type a word or two to search for.')
          : codedError('search.query_too_long', 'A search is at most 500 characters long.'),
      );
    }
    const { q: _q, cursor, limit: _limit, facets: _facets, ...filters } = params;
    const limit = params.limit ?? SEARCH_PAGE_SIZE;
    const fingerprint = searchFingerprint([query.text, query.websearch, filters, limit]);
    const position = cursor === undefined ? null : decodeSearchCursor(cursor, fingerprint);
    if (cursor !== undefined && position === null) {
      throw new BadRequestException(
        codedError('search.bad_cursor', 'cursor is not a cursor of this search.'),
      );
    }
    const viewer = { userId: actor.userId, scopes: await this.access.readableScopes(actor) };
    const { hasMore, mode, ...page } = await this.provider.search(viewer, {
      query,
      filters,
      offset: position?.offset ?? 0,
      limit,
      mode: position?.mode ?? null,
      counts: position === null && params.facets !== false,
    });
    const next = { offset: (position?.offset ?? 0) + limit, mode };
    return { ...page, nextCursor: hasMore ? encodeSearchCursor(next, fingerprint) : null };
  }
}

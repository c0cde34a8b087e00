import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { SearchResponseDto } from '@iuc/domain';
import { type Actor, CurrentActor } from '../access/actor.js';
import { SignedIn } from '../access/route-access.js';
import { ApiErrorDoc, ApiSignedIn } from '../common/api-docs.js';
import { RetryAfterFilter } from '../common/retry-after.filter.js';
import { SearchQueryParams } from './dto/search-query.dto.js';
import { SearchResponseDoc } from './dto/search.docs.js';
import { SearchService } from './search.service.js';

@ApiTags('search')
@ApiSignedIn()
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  // Signed in is enough: every row is filtered by the caller's readable scopes inside the query.
  @SignedIn()
  @Get()
  @ApiOperation({
    summary:
      'Search everything the caller may see — library items and the text of their files, plan sections and actions, messages, pairings, cities, people — best first, with facet counts.',
  })
  @ApiOkResponse({ type: SearchResponseDoc })
  @ApiTooManyRequestsResponse({
    type: ApiErrorDoc,
    description:
      'search.too_fast: more searches than 5 a second (bursts of 20) for over 2 s; wait Retry-After seconds.',
  })
  @UseFilters(RetryAfterFilter)
  @ApiBadRequestResponse({
    type: ApiErrorDoc,
    description:
      'search.empty_query (nothing to search for), search.query_too_long (over 500 characters), search.bad_cursor, or a bad filter.',
  })
  find(
    @CurrentActor() actor: Actor,
    @Query() query: SearchQueryParams,
  ): Promise<SearchResponseDto> {
    return this.search.search(actor, query);
  }
}

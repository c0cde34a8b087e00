import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ResourceListDto, ResourceSummaryDto } from '@iuc/domain';
import { type Actor, CurrentActor } from '../../access/actor.js';
import { Requires, SignedIn } from '../../access/route-access.js';
import { ApiErrorDoc, ApiSignedIn } from '../../common/api-docs.js';
import { ResourceListDoc, ResourceSummaryDoc } from '../dto/resource.docs.js';
import { ResourceListQueryParams } from '../dto/resource-input.dto.js';
import { ResourceListService } from './resource-list.service.js';

@ApiTags('library')
@ApiSignedIn()
@Controller('resources')
export class ResourceListController {
  constructor(private readonly list: ResourceListService) {}

  @SignedIn()
  @Get()
  @ApiOperation({
    summary:
      'The library: the items the caller may see, filtered, newest first (or title matches of q first with sort=relevance), with facet counts on the first page.',
  })
  @ApiOkResponse({ type: ResourceListDoc })
  @ApiBadRequestResponse({ type: ApiErrorDoc, description: 'A bad filter or cursor.' })
  page(
    @CurrentActor() actor: Actor,
    @Query() query: ResourceListQueryParams,
  ): Promise<ResourceListDto> {
    return this.list.page(actor, query);
  }

  @Requires('resource.review')
  @Get('review-queue')
  @ApiOperation({
    summary:
      'Programme-wide items submitted for review, the longest-waiting first: for programme staff.',
  })
  @ApiOkResponse({ type: [ResourceSummaryDoc] })
  @ApiForbiddenResponse({ type: ApiErrorDoc, description: 'Not programme staff.' })
  queue(@CurrentActor() actor: Actor): Promise<ResourceSummaryDto[]> {
    return this.list.reviewQueue(actor);
  }
}

import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ResourceDto } from '@iuc/domain';
import { type Actor, CurrentActor } from '../../access/actor.js';
import { Requires } from '../../access/route-access.js';
import { ApiErrorDoc, ApiSignedIn } from '../../common/api-docs.js';
import { ResourceDoc } from '../dto/resource.docs.js';
import {
  FeatureResourceBody,
  ResourceIdParams,
  ResourceReviewBody,
} from '../dto/resource-input.dto.js';
import { ResourceReviewService } from './resource-review.service.js';

const NOT_FOUND = {
  type: ApiErrorDoc,
  description: 'No such item, or one the caller may not see.',
};

@ApiTags('library')
@ApiSignedIn()
@Controller('resources/:id')
export class ResourceReviewController {
  constructor(private readonly review: ResourceReviewService) {}

  @Requires('resource.review')
  @Post('review')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A verdict on a submitted programme-wide item: publish, request changes or reject (those two with a comment). The author is notified.',
  })
  @ApiOkResponse({ type: ResourceDoc })
  @ApiBadRequestResponse({
    type: ApiErrorDoc,
    description:
      'A bad body; no comment for request-changes or reject (`resource.comment_required`).',
  })
  @ApiForbiddenResponse({ type: ApiErrorDoc, description: 'Not programme staff.' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    type: ApiErrorDoc,
    description: 'Not submitted (`resource.not_submitted`).',
  })
  decide(
    @CurrentActor() actor: Actor,
    @Param() params: ResourceIdParams,
    @Body() body: ResourceReviewBody,
  ): Promise<ResourceDto> {
    return this.review.review(actor, params.id, body);
  }

  @Requires('resource.feature')
  @Post('feature')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Features or unfeatures a published programme-wide item: programme staff.',
  })
  @ApiOkResponse({ type: ResourceDoc })
  @ApiForbiddenResponse({ type: ApiErrorDoc, description: 'Not programme staff.' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ type: ApiErrorDoc, description: 'Not a published programme-wide item.' })
  feature(
    @CurrentActor() actor: Actor,
    @Param() params: ResourceIdParams,
    @Body() body: FeatureResourceBody,
  ): Promise<ResourceDto> {
    return this.review.feature(actor, params.id, body);
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReviewQueueDto } from '@iuc/domain';
import { type Actor, CurrentActor } from '../../access/actor.js';
import { ApiErrorDoc, ApiSignedIn } from '../../common/api-docs.js';
import { ReviewQueueDoc } from '../dto/plan.docs.js';
import { PlanReviewService } from './plan-review.service.js';
import { Requires } from '../../access/route-access.js';

@ApiTags('plans')
@ApiSignedIn()
@Controller('review-queue')
export class ReviewQueueController {
  constructor(private readonly review: PlanReviewService) {}

  @Requires('plan.review')
  @Get()
  @ApiOperation({
    summary:
      'Plans submitted for review and waiting for a verdict, the longest-waiting first, with when and by whom each was submitted.',
  })
  @ApiOkResponse({ type: ReviewQueueDoc })
  @ApiForbiddenResponse({ type: ApiErrorDoc, description: 'Not programme staff.' })
  list(@CurrentActor() actor: Actor): Promise<ReviewQueueDto> {
    return this.review.queue(actor);
  }
}

import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { PlanReviewDto, PlanTransitionResultDto } from '@iuc/domain';
import { type Actor, CurrentActor } from '../../access/actor.js';
import { ApiErrorDoc, ApiSignedIn } from '../../common/api-docs.js';
import { IdParams, PlanTransitionBody } from '../dto/plan-input.dto.js';
import { PlanReviewDoc, PlanTransitionResultDoc } from '../dto/plan.docs.js';
import { PlanReviewService } from './plan-review.service.js';
import { Requires } from '../../access/route-access.js';

@ApiTags('plans')
@ApiSignedIn()
@Controller('plans/:id')
export class PlanReviewsController {
  constructor(private readonly review: PlanReviewService) {}

  @Requires('plan.transition')
  @Post('transitions')
  @ApiOperation({
    summary:
      'Moves the plan along the review workflow. City coordinators submit and adopt; programme staff request changes and approve. A submission saves a version.',
  })
  @ApiCreatedResponse({ type: PlanTransitionResultDoc })
  @ApiBadRequestResponse({ type: ApiErrorDoc })
  @ApiForbiddenResponse({ type: ApiErrorDoc, description: 'The caller may not make this move.' })
  @ApiNotFoundResponse({
    type: ApiErrorDoc,
    description: 'No such plan, or one the caller may not read.',
  })
  @ApiConflictResponse({
    type: ApiErrorDoc,
    description: "The plan's status does not allow this move.",
  })
  @ApiUnprocessableEntityResponse({
    type: ApiErrorDoc,
    description: 'Submission refused: `message` lists what the plan still lacks.',
  })
  transition(
    @CurrentActor() actor: Actor,
    @Param() params: IdParams,
    @Body() body: PlanTransitionBody,
  ): Promise<PlanTransitionResultDto> {
    return this.review.transition(actor, params.id, body);
  }

  @Requires('plan.read')
  @Get('reviews')
  @ApiOperation({
    summary:
      "The plan's review log, newest first: who moved it, from and to which status, and why.",
  })
  @ApiOkResponse({ type: [PlanReviewDoc] })
  @ApiNotFoundResponse({
    type: ApiErrorDoc,
    description: 'No such plan, or one the caller may not read.',
  })
  list(@CurrentActor() actor: Actor, @Param() params: IdParams): Promise<PlanReviewDto[]> {
    return this.review.list(actor, params.id);
  }
}

import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { PlanVersionDiffDto, PlanVersionDto } from '@iuc/domain';
import { type Actor, CurrentActor } from '../../access/actor.js';
import { ApiErrorDoc, ApiSignedIn } from '../../common/api-docs.js';
import {
  CreatePlanVersionBody,
  IdParams,
  RestorePlanVersionBody,
  VersionParams,
} from '../dto/plan-input.dto.js';
import { PlanVersionDiffDoc, PlanVersionDoc } from '../dto/plan.docs.js';
import { PlanVersionsService } from './plan-versions.service.js';
import { Requires } from '../../access/route-access.js';

const NOT_FOUND = 'No such plan or version, or a plan the caller may not read.';
/** Saving and restoring versions belong to the plan's writers while the plan is open. */
const WRITERS_ONLY = "Not one of the plan city's writers, or the plan is under review or adopted.";

@ApiTags('plans')
@ApiSignedIn()
@Controller('plans/:id/versions')
export class PlanVersionsController {
  constructor(private readonly versions: PlanVersionsService) {}

  @Requires('plan.versions.manage')
  @Post()
  @ApiOperation({ summary: 'Saves the current content as a named version.' })
  @ApiCreatedResponse({ type: PlanVersionDoc })
  @ApiBadRequestResponse({ type: ApiErrorDoc })
  @ApiForbiddenResponse({ type: ApiErrorDoc, description: WRITERS_ONLY })
  @ApiNotFoundResponse({ type: ApiErrorDoc, description: NOT_FOUND })
  save(
    @CurrentActor() actor: Actor,
    @Param() params: IdParams,
    @Body() body: CreatePlanVersionBody,
  ): Promise<PlanVersionDto> {
    return this.versions.save(actor, params.id, body.name);
  }

  @Requires('plan.read')
  @Get()
  @ApiOperation({
    summary: "The plan's versions, newest first: saved by hand, on submission and on restore.",
  })
  @ApiOkResponse({ type: [PlanVersionDoc] })
  @ApiNotFoundResponse({ type: ApiErrorDoc, description: NOT_FOUND })
  list(@CurrentActor() actor: Actor, @Param() params: IdParams): Promise<PlanVersionDto[]> {
    return this.versions.list(actor, params.id);
  }

  @Requires('plan.read')
  @Get(':versionId/diff')
  @ApiOperation({
    summary:
      "A version against the current content: each section's text with a word diff, and the action table's changes.",
  })
  @ApiOkResponse({ type: PlanVersionDiffDoc })
  @ApiNotFoundResponse({ type: ApiErrorDoc, description: NOT_FOUND })
  diff(@CurrentActor() actor: Actor, @Param() params: VersionParams): Promise<PlanVersionDiffDto> {
    return this.versions.diff(actor, params.id, params.versionId);
  }

  @Requires('plan.versions.manage')
  @Post(':versionId/restore')
  @ApiOperation({
    summary:
      'Restores a version (or one section of it) as a new change that open editors see at once; history is kept and the result is saved as a version of kind restore.',
  })
  @ApiCreatedResponse({ type: PlanVersionDoc })
  @ApiBadRequestResponse({ type: ApiErrorDoc })
  @ApiForbiddenResponse({ type: ApiErrorDoc, description: WRITERS_ONLY })
  @ApiNotFoundResponse({ type: ApiErrorDoc, description: NOT_FOUND })
  restore(
    @CurrentActor() actor: Actor,
    @Param() params: VersionParams,
    @Body() body: RestorePlanVersionBody,
  ): Promise<PlanVersionDto> {
    return this.versions.restore(actor, params.id, params.versionId, body.section);
  }
}

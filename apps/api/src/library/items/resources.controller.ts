import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ResourceDto } from '@iuc/domain';
import { type Actor, CurrentActor } from '../../access/actor.js';
import { Requires, SignedIn } from '../../access/route-access.js';
import { ApiErrorDoc, ApiSignedIn } from '../../common/api-docs.js';
import { ResourceDoc } from '../dto/resource.docs.js';
import {
  CreateResourceBody,
  ResourceIdParams,
  UpdateResourceBody,
} from '../dto/resource-input.dto.js';
import { ResourcesService } from './resources.service.js';

const NOT_FOUND = {
  type: ApiErrorDoc,
  description: 'No such item, or one the caller may not see.',
};

@ApiTags('library')
@ApiSignedIn()
@Controller('resources')
export class ResourcesController {
  constructor(private readonly items: ResourcesService) {}

  @SignedIn()
  @Post()
  @ApiOperation({
    summary:
      'Shares a good practice or resource: programme-wide items start submitted for review, pairing and side items are shared at once. uploadIds attach finished uploads.',
  })
  @ApiCreatedResponse({ type: ResourceDoc })
  @ApiBadRequestResponse({
    type: ApiErrorDoc,
    description:
      'A bad body, a scope the caller is not a member of (`resource.scope_not_member`), a bad upload (`resource.bad_file`).',
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreateResourceBody): Promise<ResourceDto> {
    return this.items.create(actor, body);
  }

  @Requires('resource.read')
  @Get(':id')
  @ApiOperation({ summary: 'One item: its fields, files, review log and what the caller may do.' })
  @ApiOkResponse({ type: ResourceDoc })
  @ApiNotFoundResponse(NOT_FOUND)
  detail(@CurrentActor() actor: Actor, @Param() params: ResourceIdParams): Promise<ResourceDto> {
    return this.items.detail(actor, params.id);
  }

  @Requires('resource.edit')
  @Patch(':id')
  @ApiOperation({
    summary:
      'Edits the item (a revision records what changed); a new scope re-derives its status; a programme item with changes requested is resubmitted.',
  })
  @ApiOkResponse({ type: ResourceDoc })
  @ApiBadRequestResponse({ type: ApiErrorDoc })
  @ApiForbiddenResponse({
    type: ApiErrorDoc,
    description: 'The caller may not edit it, or move it (only its author or staff).',
  })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    type: ApiErrorDoc,
    description: 'Saved by someone else since baseUpdatedAt (`resource.stale_edit`).',
  })
  update(
    @CurrentActor() actor: Actor,
    @Param() params: ResourceIdParams,
    @Body() body: UpdateResourceBody,
  ): Promise<ResourceDto> {
    return this.items.update(actor, params.id, body);
  }
}

import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ResourceDto, ResourceSummaryDto } from '@iuc/domain';
import { type Actor, CurrentActor } from '../../access/actor.js';
import { Requires, SignedIn } from '../../access/route-access.js';
import { ApiErrorDoc, ApiSignedIn } from '../../common/api-docs.js';
import { ResourceDoc, ResourceSummaryDoc } from '../dto/resource.docs.js';
import { ResourceIdParams } from '../dto/resource-input.dto.js';
import { ResourceTrashService } from './resource-trash.service.js';

const NOT_FOUND = {
  type: ApiErrorDoc,
  description: 'No such item, or one the caller may not see.',
};

@ApiTags('library')
@ApiSignedIn()
@Controller('resources')
export class ResourceTrashController {
  constructor(private readonly trash: ResourceTrashService) {}

  @SignedIn()
  @Get('trash')
  @ApiOperation({
    summary:
      'Items in the trash the caller may restore (their own; all for programme staff), the latest deleted first.',
  })
  @ApiOkResponse({ type: [ResourceSummaryDoc] })
  list(@CurrentActor() actor: Actor): Promise<ResourceSummaryDto[]> {
    return this.trash.trash(actor);
  }

  @Requires('resource.edit')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Moves the item to the trash, where it can be restored for 30 days.' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ApiErrorDoc, description: 'The caller may not delete it.' })
  @ApiNotFoundResponse(NOT_FOUND)
  async remove(@CurrentActor() actor: Actor, @Param() params: ResourceIdParams): Promise<void> {
    await this.trash.remove(actor, params.id);
  }

  @Requires('resource.restore')
  @Post(':id/restore')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Takes the item out of the trash: its author or programme staff, within 30 days.',
  })
  @ApiOkResponse({ type: ResourceDoc })
  @ApiForbiddenResponse({
    type: ApiErrorDoc,
    description: 'Neither its author nor programme staff.',
  })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    type: ApiErrorDoc,
    description: 'Not in the trash, or there too long (`resource.trash_expired`).',
  })
  restore(@CurrentActor() actor: Actor, @Param() params: ResourceIdParams): Promise<ResourceDto> {
    return this.trash.restore(actor, params.id);
  }
}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ResourceRevisionDto } from '@iuc/domain';
import { type Actor, CurrentActor } from '../../access/actor.js';
import { Requires } from '../../access/route-access.js';
import { ApiErrorDoc, ApiSignedIn } from '../../common/api-docs.js';
import { ResourceRevisionDoc } from '../dto/resource.docs.js';
import { ResourceIdParams } from '../dto/resource-input.dto.js';
import { ResourceRevisionsService } from './resource-revisions.service.js';

@ApiTags('library')
@ApiSignedIn()
@Controller('resources/:id/revisions')
export class ResourceRevisionsController {
  constructor(private readonly revisions: ResourceRevisionsService) {}

  @Requires('resource.read')
  @Get()
  @ApiOperation({
    summary: "The item's edits, newest first: who changed which fields, from what to what.",
  })
  @ApiOkResponse({ type: [ResourceRevisionDoc] })
  @ApiNotFoundResponse({
    type: ApiErrorDoc,
    description: 'No such item, or one the caller may not see.',
  })
  list(
    @CurrentActor() actor: Actor,
    @Param() params: ResourceIdParams,
  ): Promise<ResourceRevisionDto[]> {
    return this.revisions.list(actor, params.id);
  }
}

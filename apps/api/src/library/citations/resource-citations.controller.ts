import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ResourceCitationDto } from '@iuc/domain';
import { type Actor, CurrentActor } from '../../access/actor.js';
import { Requires } from '../../access/route-access.js';
import { ApiErrorDoc, ApiSignedIn } from '../../common/api-docs.js';
import { ResourceCitationDoc } from '../dto/resource.docs.js';
import { ResourceIdParams } from '../dto/resource-input.dto.js';
import { ResourceCitationsService } from './resource-citations.service.js';

@ApiTags('library')
@ApiSignedIn()
@Controller('resources/:id/citations')
export class ResourceCitationsController {
  constructor(private readonly citations: ResourceCitationsService) {}

  @Requires('resource.read')
  @Get()
  @ApiOperation({
    summary: 'The plan actions inspired by the item, of the plans the caller may read.',
  })
  @ApiOkResponse({ type: [ResourceCitationDoc] })
  @ApiNotFoundResponse({
    type: ApiErrorDoc,
    description: 'No such item, or one the caller may not see.',
  })
  list(
    @CurrentActor() actor: Actor,
    @Param() params: ResourceIdParams,
  ): Promise<ResourceCitationDto[]> {
    return this.citations.list(actor, params.id);
  }
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthorityDto, MunicipalityGroupDto, Verdict } from '@iuc/domain';
import { type Actor, CurrentActor } from '../access/actor.js';
import { ApiErrorDoc, ApiSignedIn } from '../common/api-docs.js';
import { DirectoryService } from './directory.service.js';
import { AuthorityDoc, MunicipalityGroupDoc, VerdictDoc } from './dto/directory.docs.js';
import {
  AuthorityEligibilityQuery,
  AuthorityListQuery,
  GroupEligibilityQuery,
} from './dto/directory-query.dto.js';
import { Requires } from '../access/route-access.js';

@ApiTags('directory')
@ApiSignedIn()
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Requires('directory.read')
  @Get('authorities')
  @ApiOperation({
    summary: 'Local authorities, sorted by name; optionally of one country or world region.',
  })
  @ApiOkResponse({ type: [AuthorityDoc] })
  @ApiBadRequestResponse({ type: ApiErrorDoc, description: 'Unknown country code or region.' })
  listAuthorities(
    @CurrentActor() actor: Actor,
    @Query() query: AuthorityListQuery,
  ): Promise<AuthorityDto[]> {
    return this.directory.listAuthorities(actor, {
      countryIso: query.country,
      worldRegion: query.region,
    });
  }

  @Requires('directory.read')
  @Get('authorities/:id')
  @ApiOperation({ summary: 'One local authority.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AuthorityDoc })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  getAuthority(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AuthorityDto> {
    return this.directory.getAuthority(actor, id);
  }

  @Requires('directory.read')
  @Get('authorities/:id/eligibility')
  @ApiOperation({
    summary:
      "Whether the authority, applying alone, meets a call's rules (EU applicant or partner), with every reason.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: VerdictDoc })
  @ApiBadRequestResponse({ type: ApiErrorDoc, description: 'Unknown call or side.' })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  authorityEligibility(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: AuthorityEligibilityQuery,
  ): Promise<Verdict> {
    return this.directory.authorityEligibility(actor, id, query.call, query.side);
  }

  @Requires('directory.read')
  @Get('municipality-groups')
  @ApiOperation({
    summary: 'Municipality groups with their lead, members and combined population.',
  })
  @ApiOkResponse({ type: [MunicipalityGroupDoc] })
  listGroups(@CurrentActor() actor: Actor): Promise<MunicipalityGroupDto[]> {
    return this.directory.listGroups(actor);
  }

  @Requires('directory.read')
  @Get('municipality-groups/:id/eligibility')
  @ApiOperation({
    summary:
      "Whether the group, applying from the EU side on its combined population, meets a call's rules.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: VerdictDoc })
  @ApiBadRequestResponse({ type: ApiErrorDoc, description: 'Unknown call.' })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  groupEligibility(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: GroupEligibilityQuery,
  ): Promise<Verdict> {
    return this.directory.groupEligibility(actor, id, query.call);
  }
}

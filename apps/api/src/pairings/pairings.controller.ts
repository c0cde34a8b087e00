import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { PairingDetailDto, PairingSummaryDto } from '@iuc/domain';
import { type Actor, CurrentActor } from '../access/actor.js';
import { ApiErrorDoc, ApiSignedIn } from '../common/api-docs.js';
import { PairingDetailDoc, PairingSummaryDoc } from './dto/pairing.docs.js';
import { PairingListQuery } from './dto/pairing-query.dto.js';
import { PairingsService } from './pairings.service.js';
import { Requires } from '../access/route-access.js';

@ApiTags('pairings')
@ApiSignedIn()
@Controller('pairings')
export class PairingsController {
  constructor(private readonly pairings: PairingsService) {}

  @Requires('directory.read')
  @Get()
  @ApiOperation({
    summary:
      'Pairings by call and title, optionally filtered by partner region, country, call, theme or name.',
  })
  @ApiOkResponse({ type: [PairingSummaryDoc] })
  @ApiBadRequestResponse({ type: ApiErrorDoc, description: 'A filter with an unknown value.' })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: PairingListQuery,
  ): Promise<PairingSummaryDto[]> {
    return this.pairings.list(actor, query);
  }

  @Requires('directory.read', { onPairing: 'id' })
  @Get(':id')
  @ApiOperation({
    summary:
      'One pairing: its sides, members (emails only for members and programme staff) and what the caller may do.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PairingDetailDoc })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  detail(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<PairingDetailDto> {
    return this.pairings.detail(actor, id);
  }
}

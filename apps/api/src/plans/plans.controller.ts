import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { PlanDetailDto, PlanSummaryDto } from '@iuc/domain';
import { type Actor, CurrentActor } from '../access/actor.js';
import { ApiErrorDoc, ApiSignedIn } from '../common/api-docs.js';
import { ExportQuery, IdParams } from './dto/plan-input.dto.js';
import { PlanDetailDoc, PlanSummaryDoc } from './dto/plan.docs.js';
import { PlanExportService } from './export/plan-export.service.js';
import { PlansService } from './plans.service.js';
import { Requires } from '../access/route-access.js';

@ApiTags('plans')
@ApiSignedIn()
@Controller()
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly exports: PlanExportService,
  ) {}

  @Requires('plan.read')
  @Get('pairings/:id/plans')
  @ApiOperation({
    summary: "The pairing's Local Action Plans (one per city side) that the caller may read.",
  })
  @ApiOkResponse({ type: [PlanSummaryDoc] })
  @ApiForbiddenResponse({
    type: ApiErrorDoc,
    description: 'Neither a member of the pairing nor programme staff.',
  })
  @ApiNotFoundResponse({ type: ApiErrorDoc, description: 'No such pairing.' })
  list(@CurrentActor() actor: Actor, @Param() params: IdParams): Promise<PlanSummaryDto[]> {
    return this.plans.listForPairing(actor, params.id);
  }

  @Requires('plan.read')
  @Get('plans/:id')
  @ApiOperation({
    summary:
      'One plan: the template sections, what the caller may do, and the submission check on its current content.',
  })
  @ApiOkResponse({ type: PlanDetailDoc })
  @ApiNotFoundResponse({
    type: ApiErrorDoc,
    description: 'No such plan, or one the caller may not read.',
  })
  detail(@CurrentActor() actor: Actor, @Param() params: IdParams): Promise<PlanDetailDto> {
    return this.plans.detail(actor, params.id);
  }

  @Requires('plan.read')
  @Get('plans/:id/export')
  @ApiOperation({
    summary: 'The plan as a Markdown, Word or PDF file, in the language it is written in.',
  })
  @ApiProduces(
    'text/markdown',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/pdf',
  )
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ type: ApiErrorDoc, description: 'Unknown format.' })
  @ApiNotFoundResponse({
    type: ApiErrorDoc,
    description: 'No such plan, or one the caller may not read.',
  })
  async export(
    @CurrentActor() actor: Actor,
    @Param() params: IdParams,
    @Query() query: ExportQuery,
  ): Promise<StreamableFile> {
    const file = await this.exports.export(actor, params.id, query.format);
    return new StreamableFile(file.body, {
      type: file.contentType,
      disposition: file.contentDisposition,
      length: file.body.length,
    });
  }
}

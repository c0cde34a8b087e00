/** Validated params, query and bodies of the plan routes. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  PLAN_EXPORT_FORMATS,
  PLAN_SECTION_KEYS,
  PLAN_STATUSES,
  type CreatePlanVersionRequest,
  type PlanExportFormat,
  type PlanSectionKey,
  type PlanStatus,
  type PlanTransitionRequest,
  type RestorePlanVersionRequest,
} from '@iuc/domain';
import { Trim } from '../../auth/dto/trim.js';

/** `:id` of a plan, or of a pairing on `pairings/:id/plans`. */
export class IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class VersionParams extends IdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  versionId: string;
}

export class ExportQuery {
  @ApiProperty({ enum: PLAN_EXPORT_FORMATS })
  @IsIn(PLAN_EXPORT_FORMATS)
  format: PlanExportFormat;
}

export class CreatePlanVersionBody implements CreatePlanVersionRequest {
  @ApiProperty({ example: 'Draft for the partner visit', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

export class RestorePlanVersionBody implements RestorePlanVersionRequest {
  @ApiPropertyOptional({
    enum: PLAN_SECTION_KEYS,
    description:
      'Restore only this section (`actions` also brings back the action table); else the whole plan.',
  })
  @IsOptional()
  @IsIn(PLAN_SECTION_KEYS)
  section?: PlanSectionKey;
}

export class PlanTransitionBody implements PlanTransitionRequest {
  @ApiProperty({ enum: PLAN_STATUSES })
  @IsIn(PLAN_STATUSES)
  to: PlanStatus;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Why: shown in the review log.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

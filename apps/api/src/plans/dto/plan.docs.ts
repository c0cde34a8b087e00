/** Response schemas: for the OpenAPI document only; the services return the @iuc/domain types. */
import { ApiProperty } from '@nestjs/swagger';
import {
  PLAN_SECTION_KEYS,
  PLAN_STATUSES,
  PLAN_VERSION_KINDS,
  type ActionChange,
  type ActionFieldChange,
  type ActionTableDiff,
  type DiffSegment,
  type FundingLine,
  type Indicator,
  type PersonRefDto,
  type PlanAction,
  type PlanDetailDto,
  type PlanPermissionsDto,
  type PlanReviewDto,
  type PlanSectionDefinition,
  type PlanSectionDiff,
  type PlanSectionKey,
  type PlanStatus,
  type PlanSummaryDto,
  type PlanTransitionResultDto,
  type PlanVersionDiffDto,
  type PlanVersionDto,
  type PlanVersionKind,
  type ReviewQueueDto,
  type ReviewQueueItemDto,
  type SubmissionCheck,
  type SubmissionProblem,
} from '@iuc/domain';
import { AuthoritySummaryDoc } from '../../directory/dto/directory.docs.js';

export class PlanSummaryDoc implements PlanSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) pairingId: string;
  @ApiProperty({ format: 'uuid', description: 'The city side the plan belongs to.' })
  authorityId: string;
  @ApiProperty({ example: 'Local Action Plan — Málaga' }) title: string;
  @ApiProperty({ enum: PLAN_STATUSES }) status: PlanStatus;
  @ApiProperty({ example: 'plan.0b6f…', description: 'Connect to /collab/<documentName>.' })
  documentName: string;
}

export class PlanSectionDoc implements PlanSectionDefinition {
  @ApiProperty({ enum: PLAN_SECTION_KEYS }) key: PlanSectionKey;
  @ApiProperty({ minimum: 1, maximum: 12 }) number: number;
  @ApiProperty() title: string;
  @ApiProperty() guidance: string;
  @ApiProperty() requiredForSubmission: boolean;
}

export class PlanPermissionsDoc implements PlanPermissionsDto {
  @ApiProperty() canEdit: boolean;
  @ApiProperty() canManageVersions: boolean;
  @ApiProperty({ enum: PLAN_STATUSES, isArray: true }) transitions: PlanStatus[];
}

export class SubmissionProblemDoc implements SubmissionProblem {
  @ApiProperty({
    enum: [
      'section-empty',
      'no-actions',
      'action-without-objective',
      'action-without-indicator',
      'no-pilot',
    ],
  })
  code: SubmissionProblem['code'];
  @ApiProperty({ enum: PLAN_SECTION_KEYS, required: false }) section?: PlanSectionKey;
  @ApiProperty({ required: false }) actionId?: string;
  @ApiProperty({ required: false }) actionTitle?: string;
  @ApiProperty() message: string;
}

export class SubmissionWarningDoc {
  @ApiProperty({ enum: ['funding-mostly-unsecured'] }) code: 'funding-mostly-unsecured';
  @ApiProperty({ minimum: 0, maximum: 1 }) securedShare: number;
  @ApiProperty() message: string;
}

export class SubmissionCheckDoc implements SubmissionCheck {
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: [SubmissionProblemDoc] }) problems: SubmissionProblem[];
  @ApiProperty({ type: [SubmissionWarningDoc] }) warnings: SubmissionCheck['warnings'];
}

export class PlanDetailDoc extends PlanSummaryDoc implements PlanDetailDto {
  @ApiProperty({ type: AuthoritySummaryDoc }) authority: PlanDetailDto['authority'];
  @ApiProperty({ example: 'es' }) language: string;
  @ApiProperty({ type: [PlanSectionDoc] }) sections: PlanSectionDefinition[];
  @ApiProperty({ type: PlanPermissionsDoc }) permissions: PlanPermissionsDto;
  @ApiProperty({
    type: SubmissionCheckDoc,
    description: 'The submission rules on the current content.',
  })
  submission: SubmissionCheck;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PersonRefDoc implements PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class VersionRefDoc {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class PlanVersionDoc implements PlanVersionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PLAN_VERSION_KINDS }) kind: PlanVersionKind;
  @ApiProperty({ type: PersonRefDoc, nullable: true }) author: PersonRefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: VersionRefDoc,
    nullable: true,
    description: 'For a restore: the version restored.',
  })
  restoredFrom: PlanVersionDto['restoredFrom'];
  @ApiProperty({ enum: PLAN_SECTION_KEYS, nullable: true, type: String })
  section: PlanSectionKey | null;
}

export class DiffSegmentDoc implements DiffSegment {
  @ApiProperty({
    enum: ['equal', 'insert', 'delete'],
    description: 'delete: in the version only; insert: now only.',
  })
  op: DiffSegment['op'];
  @ApiProperty() text: string;
}

export class PlanSectionDiffDoc implements PlanSectionDiff {
  @ApiProperty({ enum: PLAN_SECTION_KEYS }) key: PlanSectionKey;
  @ApiProperty() number: number;
  @ApiProperty() title: string;
  @ApiProperty() versionText: string;
  @ApiProperty() currentText: string;
  @ApiProperty() changed: boolean;
  @ApiProperty({ type: [DiffSegmentDoc] }) diff: DiffSegment[];
}

export class FundingLineDoc implements FundingLine {
  @ApiProperty({ example: 'municipal' }) source: string;
  @ApiProperty({ type: Number, nullable: true }) amount: number | null;
  @ApiProperty({ example: 'secured' }) status: string;
}

export class IndicatorDoc implements Indicator {
  @ApiProperty({ example: 'output' }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ type: Number, nullable: true }) baseline: number | null;
  @ApiProperty({ type: Number, nullable: true }) target: number | null;
  @ApiProperty({ type: String, nullable: true }) targetDate: string | null;
}

export class PlanActionDoc implements PlanAction {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 'pilot_project' }) type: string;
  @ApiProperty() objective: string;
  @ApiProperty() leadOrganisation: string;
  @ApiProperty({ type: String, nullable: true }) startDate: string | null;
  @ApiProperty({ type: String, nullable: true }) endDate: string | null;
  @ApiProperty({ type: Number, nullable: true }) cost: number | null;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: [FundingLineDoc] }) funding: FundingLine[];
  @ApiProperty({ type: [IndicatorDoc] }) indicators: Indicator[];
  @ApiProperty({ type: [Number] }) sdgs: number[];
  @ApiProperty({ type: [String] }) themes: string[];
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Library items (resource ids) the action is inspired by.',
  })
  inspiredBy: string[];
  @ApiProperty({ example: 'proposed' }) status: string;
}

export class ActionFieldChangeDoc implements ActionFieldChange {
  @ApiProperty({ example: 'cost' }) field: ActionFieldChange['field'];
  @ApiProperty({ description: 'Any JSON value.' }) versionValue: unknown;
  @ApiProperty({ description: 'Any JSON value.' }) currentValue: unknown;
}

export class ActionChangeDoc implements ActionChange {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [ActionFieldChangeDoc] }) changes: ActionFieldChange[];
}

export class ActionTableDiffDoc implements ActionTableDiff {
  @ApiProperty({ type: [PlanActionDoc] }) added: PlanAction[];
  @ApiProperty({ type: [PlanActionDoc] }) removed: PlanAction[];
  @ApiProperty({ type: [ActionChangeDoc] }) changed: ActionChange[];
}

export class PlanVersionDiffDoc implements PlanVersionDiffDto {
  @ApiProperty({ type: PlanVersionDoc }) version: PlanVersionDto;
  @ApiProperty({ type: [PlanSectionDiffDoc] }) sections: PlanSectionDiff[];
  @ApiProperty({ type: ActionTableDiffDoc }) actions: ActionTableDiff;
}

export class PlanReviewDoc implements PlanReviewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ enum: PLAN_STATUSES }) from: PlanStatus;
  @ApiProperty({ enum: PLAN_STATUSES }) to: PlanStatus;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: PersonRefDoc, nullable: true }) actor: PersonRefDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) versionId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ReviewQueueItemDoc implements ReviewQueueItemDto {
  @ApiProperty({ type: PlanSummaryDoc }) plan: PlanSummaryDoc;
  @ApiProperty({ format: 'date-time', description: 'When it was last submitted.' })
  submittedAt: string;
  @ApiProperty({ type: PersonRefDoc, nullable: true }) submittedBy: PersonRefDto | null;
  @ApiProperty({ description: 'Submitted again after changes were requested.' })
  resubmitted: boolean;
}

class PlanStatusCountsDoc implements Record<PlanStatus, number> {
  @ApiProperty() draft: number;
  @ApiProperty() submitted: number;
  @ApiProperty() changes_requested: number;
  @ApiProperty() approved: number;
  @ApiProperty() adopted: number;
}

export class ReviewQueueDoc implements ReviewQueueDto {
  @ApiProperty({
    type: [ReviewQueueItemDoc],
    description: 'Waiting for a verdict, the longest-waiting first.',
  })
  items: ReviewQueueItemDoc[];
  @ApiProperty({
    type: PlanStatusCountsDoc,
    description: "How many of the programme's plans are in each status.",
  })
  statusCounts: Record<PlanStatus, number>;
}

export class PlanTransitionResultDoc implements PlanTransitionResultDto {
  @ApiProperty({ enum: PLAN_STATUSES }) status: PlanStatus;
  @ApiProperty({ type: PlanReviewDoc }) review: PlanReviewDto;
  @ApiProperty({
    type: PlanVersionDoc,
    nullable: true,
    description: 'The version a submission saved.',
  })
  version: PlanVersionDto | null;
}

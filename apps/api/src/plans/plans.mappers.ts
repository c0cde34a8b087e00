/** Entities to API shapes: entities never leave the module as they are. */
import {
  PLAN_SECTIONS,
  planDocumentName,
  type AuthoritySummaryDto,
  type PersonRefDto,
  type PlanDetailDto,
  type PlanPermissionsDto,
  type PlanReviewDto,
  type PlanRights,
  type PlanSummaryDto,
  type PlanVersionDto,
  type ReviewQueueItemDto,
  type SubmissionCheck,
} from '@iuc/domain';
import type { PlanEntity, PlanSummaryFields } from './plan.entity.js';
import type { PlanReviewEntity } from './review/plan-review.entity.js';
import type { AwaitingReviewRow } from './review/plan-review.repository.js';
import type { PlanVersionEntity } from './versions/plan-version.entity.js';

export function toPlanSummary(plan: PlanSummaryFields): PlanSummaryDto {
  return {
    id: plan.id,
    pairingId: plan.pairingId,
    authorityId: plan.authorityId,
    title: plan.title,
    status: plan.status,
    documentName: planDocumentName(plan.id),
  };
}

export function toPlanPermissions(rights: PlanRights): PlanPermissionsDto {
  return {
    canEdit: rights.edit,
    canManageVersions: rights.manageVersions,
    transitions: rights.transitions,
  };
}

export function toPlanDetail(
  plan: PlanEntity,
  parts: { authority: AuthoritySummaryDto; rights: PlanRights; submission: SubmissionCheck },
): PlanDetailDto {
  return {
    ...toPlanSummary(plan),
    authority: {
      id: parts.authority.id,
      name: parts.authority.name,
      countryIso: parts.authority.countryIso,
    },
    language: plan.language,
    sections: PLAN_SECTIONS.map((s) => ({ ...s })),
    permissions: toPlanPermissions(parts.rights),
    submission: parts.submission,
    updatedAt: plan.updatedAt.toISOString(),
  };
}

const person = (user: { id: string; name: string } | null | undefined): PersonRefDto | null =>
  user ? { id: user.id, name: user.name } : null;

export function toPlanVersion(version: PlanVersionEntity): PlanVersionDto {
  return {
    id: version.id,
    planId: version.planId,
    name: version.name,
    kind: version.kind,
    author: person(version.author),
    createdAt: version.createdAt.toISOString(),
    restoredFrom: version.restoredFrom
      ? { id: version.restoredFrom.id, name: version.restoredFrom.name }
      : null,
    section: version.section,
  };
}

export function toPlanReview(review: PlanReviewEntity): PlanReviewDto {
  return {
    id: review.id,
    planId: review.planId,
    from: review.fromStatus,
    to: review.toStatus,
    comment: review.comment,
    actor: person(review.actor),
    versionId: review.versionId,
    createdAt: review.createdAt.toISOString(),
  };
}

export function toReviewQueueItem(row: AwaitingReviewRow): ReviewQueueItemDto {
  return {
    plan: toPlanSummary(row.plan),
    submittedAt: row.submittedAt.toISOString(),
    submittedBy: person(row.submittedBy),
    resubmitted: row.resubmitted,
  };
}

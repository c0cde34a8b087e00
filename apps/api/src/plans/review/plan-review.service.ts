import {
  ConflictException,
  ForbiddenException,
  Injectable,
  UnprocessableEntityException,
} from '@nestjs/common';
import {
  checkSubmission,
  PLAN_TRANSITIONS,
  type PlanReviewDto,
  type PlanTransitionRequest,
  type PlanTransitionResultDto,
  type ReviewQueueDto,
} from '@iuc/domain';
import type { Actor } from '../../access/actor.js';
import { planStepEventType } from '../../events/domain-events.js';
import { OutboxRelay } from '../../events/outbox-relay.js';
import { PlanDocuments } from '../documents/plan-documents.js';
import { PlanPolicy } from '../plan.policy.js';
import {
  PlanReviewsRepository,
  submissionVersion,
  type TransitionRecord,
} from './plan-review.repository.js';
import { PlanVersionsRepository } from '../versions/plan-versions.repository.js';
import { toPlanReview, toPlanVersion, toReviewQueueItem } from '../plans.mappers.js';
import { statusLabel } from '../plan-status.js';

/** More plans than the whole programme has: the queue answers in one bounded page. */
const REVIEW_QUEUE_LIMIT = 500;

/** The review workflow: draft → submitted ⇄ changes_requested, submitted → approved → adopted. */
@Injectable()
export class PlanReviewService {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly policy: PlanPolicy,
    private readonly documents: PlanDocuments,
    private readonly reviews: PlanReviewsRepository,
    private readonly versions: PlanVersionsRepository,
  ) {}

  /**
   * 403 when the actor may never make this move, 409 when the plan's status does not allow it now,
   * 422 (nothing changed) when a submission fails the template's rules. A submission saves a version.
   */
  async transition(
    actor: Actor,
    planId: string,
    request: PlanTransitionRequest,
  ): Promise<PlanTransitionResultDto> {
    const { plan, standing } = await this.policy.open(actor, planId);
    const { to } = request;
    const comment = request.comment?.trim() || null;
    if (standing.programmeRole && standing.pairingRole) {
      throw new ForbiddenException(
        "You are a member of this plan's pairing: programme staff review only plans of pairings they hold no role in.",
      );
    }
    if (!this.policy.mayEverMoveTo(standing, to)) {
      throw new ForbiddenException(`You may not move a plan to ${statusLabel(to)}.`);
    }
    const move = PLAN_TRANSITIONS.find((t) => t.from === plan.status && t.to === to);
    if (!move) {
      throw new ConflictException(
        `A ${statusLabel(plan.status)} plan cannot be moved to ${statusLabel(to)}.`,
      );
    }
    let version: TransitionRecord['version'] = null;
    if (to === 'submitted') {
      // Checked and saved from one read of the document, so the version is what was checked.
      const { content, state } = await this.documents.snapshot(plan.id);
      const check = checkSubmission(content);
      if (!check.ok) throw new UnprocessableEntityException(check.problems.map((p) => p.message));
      version = submissionVersion(state);
    }
    const recorded = await this.reviews.transition({
      planId: plan.id,
      from: plan.status,
      to,
      actorId: actor.userId,
      comment,
      version,
      event: {
        type: planStepEventType(to),
        payload: {
          pairingId: plan.pairingId,
          planId: plan.id,
          authorityId: plan.authorityId,
          status: to,
          movedBy: move.by,
          actorId: actor.userId,
          comment,
        },
      },
    });
    if (!recorded)
      throw new ConflictException('The plan changed status meanwhile; reload it and try again.');
    // Submitted and approved plans are frozen: editors become readers now, not at the next sweep.
    await this.documents.refreshAccess(plan.id);
    const [review, saved] = await Promise.all([
      this.reviews.find(recorded.reviewId),
      recorded.versionId ? this.versions.find(plan.id, recorded.versionId) : null,
    ]);
    if (!review) throw new Error(`review ${recorded.reviewId} vanished`);
    // The step's event was committed with it; delivered now (the others are told before the
    // answer), or by a later pass if this one fails. The step stands either way.
    await this.relay.deliverSoon();
    return {
      status: to,
      review: toPlanReview(review),
      version: saved ? toPlanVersion(saved) : null,
    };
  }

  /**
   * Plans waiting for a verdict, the longest-waiting first, and how many plans are in each
   * status: for programme staff, who give the verdicts.
   */
  async queue(actor: Actor): Promise<ReviewQueueDto> {
    if (!actor.programmeRole) throw new ForbiddenException('Only programme staff review plans.');
    const [waiting, statusCounts] = await Promise.all([
      this.reviews.awaitingReview(REVIEW_QUEUE_LIMIT),
      this.reviews.statusCounts(),
    ]);
    return { items: waiting.map(toReviewQueueItem), statusCounts };
  }

  async list(actor: Actor, planId: string): Promise<PlanReviewDto[]> {
    await this.policy.open(actor, planId);
    return (await this.reviews.list(planId)).map(toPlanReview);
  }
}

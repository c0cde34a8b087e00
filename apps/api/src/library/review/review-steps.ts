import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ResourceReviewAction, ResourceStatus } from '@iuc/domain';
import { EventOutboxRepository } from '../../events/event-outbox.repository.js';
import { ResourceReviewsRepository } from './resource-reviews.repository.js';

export interface ReviewStep {
  resourceId: string;
  title: string;
  authorId: string;
  action: ResourceReviewAction | 'submit';
  status: ResourceStatus;
  actorId: string;
  comment: string | null;
}

/**
 * Records a review step (a submission or a verdict) and stages its 'resource.review-step' event in
 * the same transaction: the author and the reviewers are told exactly when the step stands.
 */
@Injectable()
export class ReviewSteps {
  constructor(
    private readonly reviews: ResourceReviewsRepository,
    private readonly outbox: EventOutboxRepository,
  ) {}

  async record(m: EntityManager, step: ReviewStep): Promise<void> {
    await this.reviews.insert(m, {
      resourceId: step.resourceId,
      action: step.action,
      status: step.status,
      comment: step.comment,
      actorId: step.actorId,
    });
    await this.outbox.stage(m, [
      {
        type: 'resource.review-step',
        payload: {
          resourceId: step.resourceId,
          title: step.title,
          status: step.status,
          authorId: step.authorId,
          actorId: step.actorId,
          comment: step.comment,
        },
      },
    ]);
  }
}

import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import {
  RESOURCE_REVIEW_RESULT,
  type FeatureResourceRequest,
  type ResourceDto,
  type ResourceReviewRequest,
} from '@iuc/domain';
import type { Actor } from '../../access/actor.js';
import { codedError } from '../../common/coded-error.js';
import { EventBus } from '../../events/event-bus.js';
import { OutboxRelay } from '../../events/outbox-relay.js';
import { ResourcePolicy } from '../items/resource.policy.js';
import { ResourcePresenter } from '../items/resource-presenter.js';
import { ResourcesRepository } from '../items/resources.repository.js';
import { ReviewSteps } from './review-steps.js';

const notSubmitted = () =>
  new ConflictException(
    codedError('resource.not_submitted', 'The item is not waiting for review.'),
  );

/** The officers' review of programme-wide items (submitted → published, changes, rejected) and featuring. */
@Injectable()
export class ResourceReviewService {
  constructor(
    private readonly items: ResourcesRepository,
    private readonly policy: ResourcePolicy,
    private readonly presenter: ResourcePresenter,
    private readonly steps: ReviewSteps,
    private readonly events: EventBus,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * A verdict on a submitted item: 403 for anyone but programme staff, 409 when the item is not
   * waiting for review, 400 when changes are requested or the item rejected without a reason.
   */
  async review(actor: Actor, id: string, body: ResourceReviewRequest): Promise<ResourceDto> {
    const { row } = await this.policy.open(actor, id);
    if (!actor.programmeRole)
      throw new ForbiddenException('Only programme staff review library items.');
    const comment = body.comment?.trim() || null;
    if (body.action !== 'publish' && !comment)
      throw new BadRequestException(
        codedError('resource.comment_required', 'Say why: the author reads it.'),
      );
    if (row.scopeLevel !== 'programme' || row.status !== 'submitted' || row.deletedAt)
      throw notSubmitted();
    const status = RESOURCE_REVIEW_RESULT[body.action];
    await this.items.transaction(async (m) => {
      const locked = await this.items.lock(m, id);
      if (!locked || locked.status !== 'submitted' || locked.deletedAt) throw notSubmitted();
      await this.items.setStatus(m, id, status);
      await this.steps.record(m, {
        resourceId: id,
        title: locked.title,
        authorId: locked.authorId,
        action: body.action,
        status,
        actorId: actor.userId,
        comment,
      });
    });
    await this.events.publish('resource.changed', { resourceId: id });
    await this.relay.deliverSoon();
    const opened = await this.policy.open(actor, id);
    return this.presenter.detail(opened.row, opened.rights);
  }

  /** Features (or unfeatures) a published programme item: programme staff only. */
  async feature(actor: Actor, id: string, body: FeatureResourceRequest): Promise<ResourceDto> {
    const opened = await this.policy.open(actor, id);
    if (!actor.programmeRole)
      throw new ForbiddenException('Only programme staff feature library items.');
    if (!opened.rights.feature)
      throw new ConflictException('Only published programme-wide items can be featured.');
    await this.items.setFeatured(id, body.featured);
    await this.events.publish('resource.changed', { resourceId: id });
    const reopened = await this.policy.open(actor, id);
    return this.presenter.detail(reopened.row, reopened.rights);
  }
}

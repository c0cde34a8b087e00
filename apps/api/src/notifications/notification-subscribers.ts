import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { DomainEvent } from '../events/domain-events.js';
import { EventBus } from '../events/event-bus.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';
import { MembershipsService } from '../pairings/memberships.service.js';
import { UsersService } from '../auth/users/users.service.js';

/** Who writes the plan on the city's side, and so hears the programme's verdicts. */
const WRITERS = ['coordinator', 'editor'] as const;

/**
 * What other modules' events mean for notifications. The durable ones (mentions, review steps)
 * may come twice: their inserts dedupe on the event's id, and only what was written is announced.
 */
@Injectable()
export class NotificationSubscribers implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly repository: NotificationsRepository,
    private readonly notifications: NotificationsService,
    private readonly memberships: MembershipsService,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('mention', async ({ id, payload }) => {
      await this.notifications.announce(await this.repository.insertMentions(id, payload));
    });
    const reviewStep = (event: DomainEvent<'plan.submitted' | 'plan.reviewed' | 'plan.adopted'>) =>
      this.reviewStep(event);
    this.events.subscribe('plan.submitted', reviewStep);
    this.events.subscribe('plan.reviewed', reviewStep);
    this.events.subscribe('plan.adopted', reviewStep);
    this.events.subscribe('resource.review-step', (event) => this.resourceReviewStep(event));
    this.events.subscribe('message.edited', ({ payload }) =>
      this.repository.updateExcerpt('message', payload.messageId, payload.excerpt),
    );
    this.events.subscribe('message.deleted', async ({ payload }) => {
      await this.notifications.recount(
        await this.repository.deleteForSubject('message', payload.messageId),
      );
    });
  }

  /**
   * A library item's review step: programme staff hear of a submission (they review it), the
   * author of each verdict (published, changes requested, rejected, with the comment). Never the
   * person who took the step.
   */
  private async resourceReviewStep({
    id,
    payload: step,
  }: DomainEvent<'resource.review-step'>): Promise<void> {
    const audience =
      step.status === 'submitted'
        ? await this.users.programmeStaffIds(step.actorId)
        : [step.authorId].filter((u) => u !== step.actorId);
    await this.notifications.announce(
      await this.repository.insertResourceReviewStep(id, step, audience),
    );
  }

  /** Tells the other side of a review step: the reviewers of a submission, the writers of a verdict. */
  private async reviewStep({
    id,
    payload: step,
  }: DomainEvent<'plan.submitted' | 'plan.reviewed' | 'plan.adopted'>): Promise<void> {
    const audience =
      step.movedBy === 'city'
        ? await this.users.programmeStaffIds(step.actorId)
        : (
            await this.memberships.membersOf([
              { pairingId: step.pairingId, authorityId: step.authorityId, roles: WRITERS },
            ])
          )[0].filter((u) => u !== step.actorId);
    await this.notifications.announce(
      await this.repository.insertPlanReviewStep(id, step, audience),
    );
  }
}

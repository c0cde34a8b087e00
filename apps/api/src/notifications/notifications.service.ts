import { BadRequestException, Injectable } from '@nestjs/common';
import {
  can,
  DISCUSSION_DEFAULTS,
  type NotificationDto,
  type NotificationListDto,
  type NotificationsUnreadDto,
} from '@iuc/domain';
import { AccessService } from '../access/access.service.js';
import type { Actor } from '../access/actor.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { excerpt } from '../discussions/messages/message-body.js';
import { NotificationsRepository, type NewMention, type NewPlanReviewStep, type NotificationRow } from './notifications.repository.js';

/** Who a notification is for, as far as the access check needs to know. */
type Person = Pick<Actor, 'userId' | 'programmeRole'>;

export type NotificationEvent =
  | { type: 'created'; userId: string; notification: NotificationDto }
  | { type: 'read'; userId: string; state: NotificationsUnreadDto };

/** A plan's review step, as the review workflow reports it. */
export type PlanReviewStep = Omit<NewPlanReviewStep, 'excerpt'> & { comment: string | null };

/**
 * In-app notifications (mentions, plans' review steps). Listeners (the discussions socket hub)
 * push them live; this module knows nothing of sockets.
 */
@Injectable()
export class NotificationsService {
  private readonly listeners = new Set<(event: NotificationEvent) => void>();

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly access: AccessService,
  ) {}

  subscribe(listener: (event: NotificationEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Notifies the mentioned people (the caller decided who may be); answers what was created. */
  async createMentions(mention: NewMention): Promise<NotificationDto[]> {
    return this.announce(await this.repository.insertMentions(mention));
  }

  /** Pushes new notifications to their people (live), and answers them. */
  private announce(rows: NotificationRow[]): NotificationDto[] {
    return rows.map((row) => {
      const notification = toDto(row);
      this.publish({ type: 'created', userId: row.userId, notification });
      return notification;
    });
  }

  /** Tells the other side of a review step: the reviewers of a submission, the writers of a verdict. */
  async planReviewStep({ comment, ...step }: PlanReviewStep): Promise<NotificationDto[]> {
    const rows = await this.repository.insertPlanReviewStep({ ...step, excerpt: comment ? excerpt(comment) : '' });
    return this.announce(rows);
  }

  async removeForMessage(messageId: string): Promise<void> {
    const users = await this.repository.deleteForMessage(messageId);
    await Promise.all(
      users.map(async (user) => this.publish({ type: 'read', userId: user.userId, state: { unread: await this.unreadFor(user) } })),
    );
  }

  updateExcerpt(messageId: string, excerpt: string): Promise<void> {
    return this.repository.updateExcerpt(messageId, excerpt);
  }

  /** The person's notifications, newest first; those of pairings they can no longer read are left out. */
  async list(actor: Actor, before: string | undefined, limit: number = DISCUSSION_DEFAULTS.defaultPageSize): Promise<NotificationListDto> {
    const position = before === undefined ? undefined : decodeCursor(before);
    if (position === null) throw new BadRequestException('before is not a valid cursor.');
    const rows = await this.repository.page(actor.userId, position, limit + 1);
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const readable = await this.readablePairings(actor, [...new Set(page.map((r) => r.pairingId))]);
    return {
      items: page.filter((r) => readable.has(r.pairingId)).map(toDto),
      unread: await this.unreadFor(actor),
      nextCursor: more ? encodeCursor(page[page.length - 1].position) : null,
    };
  }

  async markRead(actor: Actor, ids: readonly string[] | undefined): Promise<NotificationsUnreadDto> {
    await this.repository.markRead(actor.userId, ids ?? null);
    const state = { unread: await this.unreadFor(actor) };
    this.publish({ type: 'read', userId: actor.userId, state });
    return state;
  }

  /** Unread notifications of the pairings the person can still read (so the badge matches the list). */
  private async unreadFor(who: Person): Promise<number> {
    const byPairing = await this.repository.unreadByPairing(who.userId);
    const readable = await this.readablePairings(who, [...byPairing.keys()]);
    return [...byPairing].filter(([p]) => readable.has(p)).reduce((a, [, n]) => a + n, 0);
  }

  private async readablePairings(who: Person, pairingIds: readonly string[]): Promise<Set<string>> {
    // The access check reads only the person's id and programme role.
    const standings = await this.access.standings(who as Actor, 'pairing', pairingIds);
    const none = { programmeRole: who.programmeRole, pairingRole: null };
    return new Set(pairingIds.filter((id) => can(standings.get(id) ?? none, 'discussion.read')));
  }

  private publish(event: NotificationEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

function toDto(r: NotificationRow): NotificationDto {
  const base = {
    id: r.id,
    pairingId: r.pairingId,
    actor: { id: r.actorId, name: r.actorName },
    excerpt: r.excerpt,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt ? r.readAt.toISOString() : null,
  };
  if (r.kind === 'plan-review') {
    // The table's check constraint guarantees the plan columns on this kind.
    return { ...base, kind: 'plan-review', planId: r.planId!, planTitle: r.planTitle ?? '', status: r.planStatus! };
  }
  return { ...base, kind: 'mention', channelId: r.channelId!, messageId: r.messageId!, parentId: r.parentId };
}

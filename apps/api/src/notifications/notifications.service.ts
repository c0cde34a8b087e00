import { BadRequestException, Injectable } from '@nestjs/common';
import {
  can,
  DISCUSSION_DEFAULTS,
  type NotificationDto,
  type NotificationListDto,
  type NotificationsUnreadDto,
} from '@iuc/domain';
import { AccessService, type Person } from '../access/access.service.js';
import type { Actor } from '../access/actor.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { EventBus } from '../events/event-bus.js';
import type {
  MentionPayload,
  PlanReviewPayload,
  ResourceReviewPayload,
} from './notification-payloads.js';
import { NotificationsRepository, type NotificationRow } from './notifications.repository.js';

/**
 * In-app notifications (mentions, plans' review steps): the list, the unread count and the read
 * state. New ones are announced as 'notification.created' events, which the realtime layer
 * pushes live; this module knows nothing of sockets, messages or plans.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly access: AccessService,
    private readonly events: EventBus,
  ) {}

  /** Pushes new notifications to their people (live). */
  async announce(rows: readonly NotificationRow[]): Promise<void> {
    await Promise.all(
      rows.map((row) =>
        this.events.publish('notification.created', {
          userId: row.userId,
          notification: toDto(row),
        }),
      ),
    );
  }

  /** Tells the people whose unread count changed (a deleted subject took notifications with it). */
  async recount(people: readonly Person[]): Promise<void> {
    await Promise.all(
      people.map(async (who) =>
        this.events.publish('notification.read', {
          userId: who.userId,
          state: { unread: await this.unreadFor(who) },
        }),
      ),
    );
  }

  /** The person's notifications, newest first; those of pairings they can no longer read are left out. */
  async list(
    actor: Actor,
    before: string | undefined,
    limit: number = DISCUSSION_DEFAULTS.defaultPageSize,
  ): Promise<NotificationListDto> {
    const position = before === undefined ? undefined : decodeCursor(before);
    if (position === null) throw new BadRequestException('before is not a valid cursor.');
    const rows = await this.repository.page(actor.userId, position, limit + 1);
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const readable = await this.readablePairings(
      actor,
      page.map((r) => r.pairingId),
    );
    return {
      items: page.filter((r) => r.pairingId === null || readable.has(r.pairingId)).map(toDto),
      unread: await this.unreadFor(actor),
      nextCursor: more ? encodeCursor(page[page.length - 1].position) : null,
    };
  }

  async markRead(
    actor: Actor,
    ids: readonly string[] | undefined,
  ): Promise<NotificationsUnreadDto> {
    await this.repository.markRead(actor.userId, ids ?? null);
    const state = { unread: await this.unreadFor(actor) };
    await this.events.publish('notification.read', { userId: actor.userId, state });
    return state;
  }

  /** Unread notifications of the pairings the person can still read (so the badge matches the list). */
  private async unreadFor(who: Person): Promise<number> {
    const byPairing = await this.repository.unreadByPairing(who.userId);
    const readable = await this.readablePairings(who, [...byPairing.keys()]);
    return [...byPairing]
      .filter(([p]) => p === null || readable.has(p))
      .reduce((a, [, n]) => a + n, 0);
  }

  /** Of these pairings (nulls: no pairing, left out), those whose discussions the person may read. */
  private async readablePairings(
    who: Person,
    ids: readonly (string | null)[],
  ): Promise<Set<string>> {
    const pairingIds = [...new Set(ids.filter((id): id is string => id !== null))];
    const standings = await this.access.standings(who, 'pairing', pairingIds);
    const none = { programmeRole: who.programmeRole, pairingRole: null };
    return new Set(pairingIds.filter((id) => can(standings.get(id) ?? none, 'discussion.read')));
  }
}

function toDto(r: NotificationRow): NotificationDto {
  const base = {
    id: r.id,
    pairingId: r.pairingId,
    actor: { id: r.actorId, name: r.actorName },
    excerpt: r.payload.excerpt,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt ? r.readAt.toISOString() : null,
  };
  if (r.kind === 'resource-review') {
    const payload = r.payload as ResourceReviewPayload;
    return {
      ...base,
      kind: 'resource-review',
      resourceId: r.subjectId,
      resourceTitle: payload.title,
      status: payload.status,
    };
  }
  if (r.kind === 'plan-review') {
    const payload = r.payload as PlanReviewPayload;
    return {
      ...base,
      kind: 'plan-review',
      planId: r.subjectId,
      planTitle: r.planTitle ?? '',
      status: payload.status,
    };
  }
  const payload = r.payload as MentionPayload;
  return {
    ...base,
    kind: 'mention',
    channelId: payload.channelId,
    messageId: r.subjectId,
    parentId: payload.parentId,
  };
}

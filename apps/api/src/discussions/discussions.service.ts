import {
  BadRequestException,
  type BeforeApplicationShutdown,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  type OnModuleInit,
  PayloadTooLargeException,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  DISCUSSION_DEFAULTS,
  mentionedHandles,
  mentionHandle,
  type ChannelDto,
  type MentionCandidateDto,
  type MessageDto,
  type MessagePageDto,
  type ReactionEventDto,
  type ReadStateDto,
  type ThreadDto,
  type UpdateChannelRequest,
} from '@iuc/domain';
import type { Actor } from '../access/actor.js';
import type { MentionEvent } from '../events/domain-events.js';
import { EventBus } from '../events/event-bus.js';
import { OutboxRelay } from '../events/outbox-relay.js';
import { ChannelsRepository, type ChannelRow } from './channels/channels.repository.js';
import { MembershipsService } from '../pairings/memberships.service.js';
import type { MemberRow } from '../pairings/memberships.service.js';
import {
  decodeCursor,
  encodeCursor,
  MicroClock,
  microsToIso,
  type Position,
} from '../common/cursor.js';
import { DISCUSSIONS_LIMITS, type DiscussionsLimits } from './discussions.config.js';
import { DiscussionsHub } from './realtime/discussions.hub.js';
import {
  toChannelDto,
  toMessageDto,
  toMessageUpdate,
  toReadStateDto,
} from './discussions.mappers.js';
import { DiscussionsPolicy, type ChannelAccess } from './discussions.policy.js';
import { checkBody } from './messages/message-body.js';
import { excerpt } from '../common/excerpt.js';
import { isUuid } from '../common/ids.js';
import { channelReaders, readersWithHandles } from './messages/mentions.js';
import { WriteBatcher } from '../common/write-batcher.js';
import {
  MessagesRepository,
  type InsertOutcome,
  type MessageRow,
  type NewMessage,
} from './messages/messages.repository.js';

/**
 * Group commit for messages: from about 330 messages/s on one instance, each commit waits for the
 * next three messages, 6 ms at most. A fixed 3 ms window (bench:chat at 1,000 messages/s on one
 * instance: PostgreSQL's CPU 24 % → 12 % of a core, the server's 41 % → 33 %) left two instances at
 * 500/s each with 1.5 messages per commit; waiting for three there took the shared core from
 * 62–90 % to 54–66 % busy. It costs 3–6 ms of median latency under load, none when quiet.
 */
const MESSAGE_COMMIT = { windowMs: 6, minShare: 2, targetBatch: 3 };
/** A message commit slower than this is logged. */
const SLOW_WRITE_MS = 50;

/** How a socket connection finds its access to a channel (cached grant, or the policy). */
export type AccessLookup = (channelId: string) => Promise<ChannelAccess>;

export interface PageQuery {
  before?: string;
  after?: string;
  limit?: number;
}

/**
 * Channels, messages, threads, reactions, read positions and mentions. Every method takes the
 * acting person and checks the policy; messages are saved (batched commits) before anyone hears of
 * them, then emitted as saved, with author and time from the server.
 */
@Injectable()
export class DiscussionsService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Discussions');
  private readonly clock = new MicroClock();
  private readonly writer: WriteBatcher<NewMessage, InsertOutcome>;

  constructor(
    private readonly channels: ChannelsRepository,
    private readonly memberships: MembershipsService,
    private readonly messages: MessagesRepository,
    private readonly policy: DiscussionsPolicy,
    private readonly hub: DiscussionsHub,
    private readonly events: EventBus,
    private readonly relay: OutboxRelay,
    @Inject(DISCUSSIONS_LIMITS) private readonly limits: DiscussionsLimits,
  ) {
    // One commit in flight: messages commit in the order of their times. (Several lanes were
    // tried: PostgreSQL's occasional stalls hit every lane at once, and more commits cost more.)
    this.writer = new WriteBatcher(
      async (batch) => {
        const started = performance.now();
        const outcomes = await this.messages.insertBatch(batch);
        // Everything queued behind a slow commit waited for it: worth knowing in the logs.
        const ms = performance.now() - started;
        if (ms > SLOW_WRITE_MS)
          this.logger.warn(`slow message write: ${Math.round(ms)} ms for ${batch.length} messages`);
        return outcomes;
      },
      250,
      MESSAGE_COMMIT,
    );
  }

  onModuleInit(): void {
    // Notifications are pushed to every connection of their person.
    this.events.subscribe('notification.created', ({ payload }) =>
      this.hub.emitToUser(payload.userId, 'notification', payload.notification),
    );
    this.events.subscribe('notification.read', ({ payload }) =>
      this.hub.emitToUser(payload.userId, 'notifications:read', payload.state),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.writer.drain();
    await this.messages.releaseWriter();
  }

  /** The general channel and one city-internal channel per side; idempotent. */
  ensureDefaultChannels(pairingId: string): Promise<void> {
    return this.channels.ensureDefaults([pairingId]);
  }

  /**
   * Re-checks these people's open connections now (on every instance): call after removing a
   * membership or disabling an account; the periodic re-check catches the rest within seconds.
   */
  revokeAccess(userIds: readonly string[]): Promise<void> {
    return this.hub.recheckUsers(userIds);
  }

  // ---------------------------------------------------------------------------------------------
  // Channels

  /** The pairing's channels the actor may read; the route's guard has checked 'discussion.read' on it. */
  async listChannels(actor: Actor, pairingId: string): Promise<ChannelDto[]> {
    // Pairings written outside the seed get their channels on first look.
    if (!(await this.channels.hasGeneral(pairingId)))
      await this.channels.ensureDefaults([pairingId]);
    const rows = await this.channels.byPairing(pairingId);
    const accesses = await this.policy.many(
      rows.map((c) => ({ userId: actor.userId, channelId: c.id })),
    );
    const visible = accesses.filter((a): a is ChannelAccess => !!a?.rights.read);
    const states = await this.channels.readStates(
      actor.userId,
      visible.map((a) => a.channel.id),
    );
    return visible.map((a) => toChannelDto(a, states.get(a.channel.id)));
  }

  async createChannel(actor: Actor, pairingId: string, name: string): Promise<ChannelDto> {
    await this.policy.requirePairing(actor, 'discussion.channel.manage', pairingId);
    await this.channels.ensureDefaults([pairingId]);
    const row = await this.channels.createTopic(pairingId, name, actor.userId);
    if (!row)
      throw new ConflictException(`There is already a channel called "${name}" in this pairing.`);
    return toChannelDto(await this.policy.channel(actor, row.id), undefined);
  }

  async updateChannel(
    actor: Actor,
    channelId: string,
    patch: UpdateChannelRequest,
  ): Promise<ChannelDto> {
    await this.policy.channel(actor, channelId, 'manage');
    const row = await this.channels.update(channelId, patch);
    if (!row)
      throw new ConflictException(
        `There is already a channel called "${patch.name}" in this pairing.`,
      );
    this.hub.emitToChannel(channelId, 'channel:updated', publicChannel(row));
    return this.channelFor(actor, await this.policy.channel(actor, channelId));
  }

  /** The actor's access to a channel (404 unless readable). */
  authorize(actor: Actor, channelId: string): Promise<ChannelAccess> {
    return this.policy.channel(actor, channelId, 'read');
  }

  async channelFor(actor: Actor, access: ChannelAccess): Promise<ChannelDto> {
    const states = await this.channels.readStates(actor.userId, [access.channel.id]);
    return toChannelDto(access, states.get(access.channel.id));
  }

  async members(
    actor: Actor,
    channelId: string,
    query: string | undefined,
  ): Promise<MentionCandidateDto[]> {
    const access = await this.policy.channel(actor, channelId);
    const wanted = mentionHandle(query?.replace(/^@/, '') ?? '');
    const readers = await this.readers(access.channel);
    return readers
      .map((m) => ({ id: m.userId, name: m.name, handle: mentionHandle(m.name) }))
      .filter(
        (c) =>
          c.handle &&
          (!wanted ||
            c.handle.startsWith(wanted) ||
            c.handle.split('.').some((part) => part.startsWith(wanted))),
      )
      .slice(0, 20);
  }

  // ---------------------------------------------------------------------------------------------
  // History and read positions

  async history(actor: Actor, channelId: string, query: PageQuery): Promise<MessagePageDto> {
    await this.policy.channel(actor, channelId);
    if (query.before !== undefined && query.after !== undefined)
      throw new BadRequestException('Give before or after, not both.');
    const before = cursorParam(query.before, 'before');
    const after = cursorParam(query.after, 'after');
    const limit = query.limit ?? DISCUSSION_DEFAULTS.defaultPageSize;
    const rows = await this.messages.channelPage(channelId, { before, after }, limit + 1);
    return this.page(rows, limit, actor.userId);
  }

  /** A thread: its first message and its replies (oldest first); a reply's id opens its thread. */
  async thread(
    actor: Actor,
    messageId: string,
    query: Omit<PageQuery, 'before'>,
  ): Promise<ThreadDto> {
    const found = await this.findMessage(messageId);
    const root = found.parentId ? await this.findMessage(found.parentId) : found;
    await this.accessToMessage(root, (channelId) => this.policy.channel(actor, channelId));
    const after = cursorParam(query.after, 'after');
    const limit = query.limit ?? DISCUSSION_DEFAULTS.defaultPageSize;
    const rows = await this.messages.replies(root.id, after, limit + 1);
    const reactions = await this.messages.reactions(root.deletedAt ? [] : [root.id], actor.userId);
    return {
      root: toMessageDto(root, reactions),
      replies: await this.page(rows, limit, actor.userId),
    };
  }

  async markRead(
    actor: Actor,
    channelId: string,
    messageId: string | undefined,
  ): Promise<ReadStateDto> {
    await this.policy.channel(actor, channelId);
    if (!(await this.channels.markRead(actor.userId, channelId, messageId ?? null))) {
      throw new NotFoundException('Message not found in this channel.');
    }
    const state = (await this.channels.readStates(actor.userId, [channelId])).get(channelId);
    if (!state) throw new NotFoundException('Channel not found.');
    const dto = toReadStateDto(state);
    // Every device of the person shows the same unread count.
    this.hub.emitToUser(actor.userId, 'channel:read', dto);
    return dto;
  }

  // ---------------------------------------------------------------------------------------------
  // Writing (from socket events)

  async send(
    actor: Actor,
    access: ChannelAccess,
    input: { body: string; parentId?: string | null },
    origin?: string,
  ): Promise<MessageDto> {
    requirePost(access);
    const body = this.checkedBody(input.body);
    const mentions = await this.resolveMentions(access.channel, body);
    const channelId = access.channel.id;
    const parentId = input.parentId ?? null;
    const id = randomUUID();
    const micros = this.clock.next();
    const mention = mentionEvent(actor, access.channel, { id, parentId, body }, mentions);
    const outcome = await this.writer.write({
      id,
      channelId,
      authorId: actor.userId,
      parentId,
      body,
      mentionIds: mentions,
      createdMicros: micros,
      mention: mention ?? undefined,
    });
    if (outcome === 'archived') throw new ForbiddenException('The channel is archived.');
    if (outcome === 'no_thread') throw new NotFoundException('No such thread in this channel.');
    const message: MessageDto = {
      id,
      channelId,
      parentId,
      author: { id: actor.userId, name: actor.name },
      body,
      createdAt: microsToIso(micros),
      editedAt: null,
      deletedAt: null,
      reactions: [],
      replyCount: 0,
      lastReplyAt: null,
      mentions,
    };
    this.hub.emitToChannel(channelId, 'message:new', message, origin);
    if (mention) void this.relay.deliverSoon();
    void this.events.publish('message.posted', {
      ...messageEvent(access.channel, message, actor.userId),
      mentionIds: mentions,
    });
    return message;
  }

  async edit(
    actor: Actor,
    messageId: string,
    rawBody: string,
    accessFor: AccessLookup,
    origin?: string,
  ): Promise<MessageDto> {
    const row = await this.findMessage(messageId, { live: true });
    const access = await this.accessToMessage(row, accessFor);
    requirePost(access);
    if (row.authorId !== actor.userId)
      throw new ForbiddenException('You can only edit your own messages.');
    const body = this.checkedBody(rawBody);
    const mentions = await this.resolveMentions(access.channel, body);
    const result = await this.messages.edit(messageId, actor.userId, body, mentions, (previous) =>
      mentionEvent(
        actor,
        access.channel,
        { id: row.id, parentId: row.parentId, body },
        mentions.filter((m) => !previous.includes(m)),
      ),
    );
    if (!result) throw new NotFoundException('Message not found.');
    const reactions = await this.messages.reactions([messageId], actor.userId);
    this.hub.emitToChannel(row.channelId, 'message:updated', toMessageUpdate(result.row), origin);
    const message = toMessageDto(result.row, reactions);
    if (mentions.some((m) => !result.previousMentions.includes(m))) void this.relay.deliverSoon();
    void this.events.publish('message.edited', {
      ...messageEvent(access.channel, message, actor.userId),
      excerpt: excerpt(body),
    });
    return message;
  }

  async remove(
    actor: Actor,
    messageId: string,
    accessFor: AccessLookup,
    origin?: string,
  ): Promise<MessageDto> {
    const row = await this.findMessage(messageId, { live: true });
    const access = await this.accessToMessage(row, accessFor);
    requirePost(access);
    if (row.authorId !== actor.userId)
      throw new ForbiddenException('You can only delete your own messages.');
    const deleted = await this.messages.softDelete(messageId, actor.userId);
    if (!deleted?.deletedAt) throw new NotFoundException('Message not found.');
    this.hub.emitToChannel(
      row.channelId,
      'message:deleted',
      {
        id: deleted.id,
        channelId: deleted.channelId,
        parentId: deleted.parentId,
        deletedAt: deleted.deletedAt.toISOString(),
      },
      origin,
    );
    await this.events.publish(
      'message.deleted',
      messageEvent(access.channel, deleted, actor.userId),
    );
    return toMessageDto(deleted, []);
  }

  async toggleReaction(
    actor: Actor,
    messageId: string,
    emoji: string,
    accessFor: AccessLookup,
    origin?: string,
  ): Promise<ReactionEventDto> {
    const row = await this.findMessage(messageId, { live: true });
    const access = await this.accessToMessage(row, accessFor);
    requirePost(access);
    const result = await this.messages.toggleReaction(
      messageId,
      actor.userId,
      emoji,
      DISCUSSION_DEFAULTS.maxReactionsPerMessage,
    );
    if (!result)
      throw new BadRequestException(
        `A message takes at most ${DISCUSSION_DEFAULTS.maxReactionsPerMessage} different reactions.`,
      );
    const event: ReactionEventDto = {
      messageId,
      channelId: row.channelId,
      emoji,
      user: { id: actor.userId, name: actor.name },
      added: result.added,
      count: result.count,
    };
    this.hub.emitToChannel(row.channelId, 'message:reaction', event, origin);
    return event;
  }

  typing(actor: Actor, access: ChannelAccess, origin?: string): void {
    requirePost(access);
    this.hub.emitToChannel(
      access.channel.id,
      'typing',
      { channelId: access.channel.id, user: { id: actor.userId, name: actor.name } },
      origin,
    );
  }

  // ---------------------------------------------------------------------------------------------

  private checkedBody(raw: string): string {
    const check = checkBody(raw, this.limits.maxBodyBytes);
    if (check.ok) return check.body;
    throw check.code === 'too_large'
      ? new PayloadTooLargeException(check.error)
      : new BadRequestException(check.error);
  }

  private async findMessage(id: string, options: { live?: boolean } = {}): Promise<MessageRow> {
    const row = isUuid(id) ? await this.messages.findById(id) : null;
    if (!row || (options.live && row.deletedAt)) throw new NotFoundException('Message not found.');
    return row;
  }

  /** The access to a message's channel; an unreadable channel answers like a missing message. */
  private async accessToMessage(row: MessageRow, accessFor: AccessLookup): Promise<ChannelAccess> {
    try {
      return await accessFor(row.channelId);
    } catch (err) {
      if (err instanceof NotFoundException) throw new NotFoundException('Message not found.');
      throw err;
    }
  }

  private async page(rows: MessageRow[], limit: number, userId: string): Promise<MessagePageDto> {
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const reactions = await this.messages.reactions(
      page.filter((r) => !r.deletedAt).map((r) => r.id),
      userId,
    );
    return {
      messages: page.map((r) => toMessageDto(r, reactions)),
      nextCursor: more ? encodeCursor(page[page.length - 1].position) : null,
      prevCursor: page.length ? encodeCursor(page[0].position) : null,
    };
  }

  /** The pairing's members who may read the channel (the people who can be mentioned there). */
  private async readers(channel: ChannelRow): Promise<MemberRow[]> {
    return channelReaders(await this.memberships.ofPairing(channel.pairingId), channel);
  }

  private async resolveMentions(channel: ChannelRow, body: string): Promise<string[]> {
    // Most messages mention nobody: only then are the channel's readers looked up.
    const handles = mentionedHandles(body);
    return handles.length ? readersWithHandles(handles, await this.readers(channel)) : [];
  }
}

/** Whom a message's mentions notify: the people in `mentioned` but its author; null for nobody. */
function mentionEvent(
  actor: Actor,
  channel: ChannelRow,
  message: { id: string; parentId: string | null; body: string },
  mentioned: readonly string[],
): MentionEvent | null {
  const userIds = mentioned.filter((id) => id !== actor.userId);
  if (!userIds.length) return null;
  return {
    pairingId: channel.pairingId,
    channelId: channel.id,
    messageId: message.id,
    parentId: message.parentId,
    actorId: actor.userId,
    excerpt: excerpt(message.body),
    userIds,
  };
}

function messageEvent(
  channel: ChannelRow,
  message: { id: string; parentId: string | null },
  authorId: string,
) {
  return {
    pairingId: channel.pairingId,
    channelId: channel.id,
    messageId: message.id,
    parentId: message.parentId,
    authorId,
  };
}

function requirePost(access: ChannelAccess): void {
  if (!access.rights.post) {
    throw new ForbiddenException(
      access.channel.archived ? 'The channel is archived.' : 'You may not write in this channel.',
    );
  }
}

function cursorParam(value: string | undefined, name: string): Position | undefined {
  if (value === undefined) return undefined;
  const position = decodeCursor(value);
  if (!position) throw new BadRequestException(`${name} is not a valid cursor.`);
  return position;
}

function publicChannel(row: ChannelRow) {
  return {
    id: row.id,
    pairingId: row.pairingId,
    name: row.name,
    kind: row.kind,
    side: row.side,
    archived: row.archived,
  };
}

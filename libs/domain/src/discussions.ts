/**
 * Pairing discussions: the REST shapes, the socket.io event map of the `/discussions` namespace,
 * the channel access rule and the mention syntax. The API implements these; the web imports them.
 *
 * Messages are plain text. The web renders them with markdown-it (html: false) and DOMPurify; the
 * server never returns HTML.
 */
import { can, type PairingRole, type ProgrammeRole } from './roles.js';
import type { PairingSide } from './taxonomies.js';
import type { PlanStatus } from './plan-template.js';
import type { ResourceStatus } from './library.js';
import type { ApiErrorCode } from './contracts.js';

/** socket.io namespace, on the API's port (path `/socket.io`). */
export const DISCUSSIONS_NAMESPACE = '/discussions';

/**
 * `general`: one per pairing, created with it. `topic`: created by coordinators. `city`: one per
 * pairing side, readable only by the members of that side's authorities (and programme staff).
 */
export const CHANNEL_KINDS = ['general', 'topic', 'city'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Defaults; the API's limits are configurable (DISCUSSIONS_MAX_BODY_BYTES …). */
export const DISCUSSION_DEFAULTS = {
  /** Largest message body, in UTF-8 bytes. */
  maxBodyBytes: 8 * 1024,
  /** Largest history or reply page. */
  maxPageSize: 100,
  defaultPageSize: 50,
  maxChannelNameLength: 80,
  /** Distinct emojis on one message. */
  maxReactionsPerMessage: 50,
} as const;

// ---------------------------------------------------------------------------------------------
// Access

export interface ChannelStanding {
  programmeRole: ProgrammeRole | null;
  pairingRole: PairingRole | null;
  kind: ChannelKind;
  /** For `city` channels: whether the person's membership authority is on the channel's side. */
  ownSide: boolean;
  archived: boolean;
}

export interface ChannelRights {
  read: boolean;
  /** Send, reply, react, edit and delete one's own messages. */
  post: boolean;
  /** Rename or archive (topic channels only). */
  manage: boolean;
}

/** The channel rule on top of the role matrix: a city-internal channel is for its side only. */
export function channelRights(s: ChannelStanding): ChannelRights {
  const standing = { programmeRole: s.programmeRole, pairingRole: s.pairingRole };
  const staff =
    s.programmeRole !== null &&
    can({ programmeRole: s.programmeRole, pairingRole: null }, 'discussion.read');
  const sideOk = s.kind !== 'city' || staff || s.ownSide;
  const read = can(standing, 'discussion.read') && sideOk;
  return {
    read,
    post: read && !s.archived && can(standing, 'discussion.post'),
    manage: read && s.kind === 'topic' && can(standing, 'discussion.channel.manage'),
  };
}

// ---------------------------------------------------------------------------------------------
// Mentions

/**
 * The handle a member is mentioned by: their name without accents, lower-cased, with runs of
 * anything but letters and digits turned into single dots. "Lucía Ortega" → "lucia.ortega".
 */
export function mentionHandle(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '.')
    .replace(/^\.+|\.+$/g, '');
}

/** `@handle` not preceded by a letter, digit or dot (so e-mail addresses are not mentions). */
const MENTION = /(?<![\p{L}\p{N}._@])@([\p{L}\p{N}](?:[\p{L}\p{N}._-]*[\p{L}\p{N}])?)/gu;

/**
 * `text` with every `@handle` replaced by what `replace` makes of it (given the text as written
 * and its normalised handle): for showing mentions, the same ones the server resolves.
 */
export function replaceMentions(
  text: string,
  replace: (written: string, handle: string) => string,
): string {
  return text.replace(
    new RegExp(MENTION.source, MENTION.flags),
    (written: string, name: string) => {
      const handle = mentionHandle(name);
      return handle ? replace(written, handle) : written;
    },
  );
}

/** The distinct handles mentioned in a body, normalised like mentionHandle. */
export function mentionedHandles(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    const handle = mentionHandle(match[1]);
    if (handle) found.add(handle);
    if (found.size >= 50) break;
  }
  return [...found];
}

// ---------------------------------------------------------------------------------------------
// REST shapes

export interface UserRefDto {
  id: string;
  name: string;
}

/** GET /api/pairings/:id/channels (one item), POST /api/pairings/:id/channels, PATCH /api/channels/:id. */
export interface ChannelDto {
  id: string;
  pairingId: string;
  name: string;
  kind: ChannelKind;
  /** The side of a `city` channel; null otherwise. */
  side: PairingSide | null;
  archived: boolean;
  /** Top-level messages by others after the caller's read position (deleted ones excluded). */
  unread: number;
  /**
   * The caller's read position: `GET /api/channels/:id/messages?after=<readCursor>` starts at the
   * first unread message (jump to first unread). Always set (the channel's start when never read).
   */
  readCursor: string;
  /** The first unread top-level message, or null when everything is read. */
  firstUnreadId: string | null;
  lastMessageAt: string | null;
  /** What the caller may do here. */
  canPost: boolean;
  canManage: boolean;
}

export interface CreateChannelRequest {
  name: string;
}

export interface UpdateChannelRequest {
  name?: string;
  archived?: boolean;
}

export interface ReactionDto {
  emoji: string;
  count: number;
  /** Whether the person asking reacted with it. */
  mine: boolean;
}

export interface MessageDto {
  id: string;
  channelId: string;
  /** The thread's first message, for a reply; null for a channel message. */
  parentId: string | null;
  author: UserRefDto;
  /** Plain text (light markdown). Empty once deleted. */
  body: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  reactions: ReactionDto[];
  /** Replies in this message's thread (0 for replies). */
  replyCount: number;
  lastReplyAt: string | null;
  /** Ids of the members the body mentions. */
  mentions: string[];
}

/**
 * GET /api/channels/:id/messages?before=<cursor>&limit= (newest first; neither cursor: the latest),
 * ?after=<cursor> (oldest first), and GET /api/messages/:id/replies?after=<cursor> (oldest first).
 */
export interface MessagePageDto {
  messages: MessageDto[];
  /** Continues in the same direction; null at the end. */
  nextCursor: string | null;
  /** From the page's first message in the other direction; null for an empty page. */
  prevCursor: string | null;
}

/** POST /api/channels/:id/read — mark read up to `messageId` (default: the latest message). */
export interface MarkReadRequest {
  messageId?: string;
}

export interface ReadStateDto {
  channelId: string;
  unread: number;
  readCursor: string;
  firstUnreadId: string | null;
}

/** GET /api/channels/:id/members?q= — who may be mentioned (autocomplete). */
export interface MentionCandidateDto extends UserRefDto {
  handle: string;
}

export interface ThreadDto {
  root: MessageDto;
  replies: MessagePageDto;
}

export type NotificationKind = NotificationDto['kind'];

interface NotificationBase {
  id: string;
  /** The pairing it happened in; null for programme-wide subjects (a library item under review). */
  pairingId: string | null;
  /** Who did what the notification is about. */
  actor: UserRefDto;
  createdAt: string;
  readAt: string | null;
}

/** Someone mentioned the person in a message. */
export interface MentionNotificationDto extends NotificationBase {
  kind: 'mention';
  channelId: string;
  messageId: string;
  /** The thread's first message when the mention is in a reply. */
  parentId: string | null;
  /** The first characters of the message (plain text). */
  excerpt: string;
}

/** A plan the person works on or reviews moved in its review (submitted, changes requested…). */
export interface PlanReviewNotificationDto extends NotificationBase {
  kind: 'plan-review';
  planId: string;
  /** The plan's stored title (the web shows it in the reader's language). */
  planTitle: string;
  /** The status the plan moved to. */
  status: PlanStatus;
  /** The reviewer's or submitter's comment, if any (first characters). */
  excerpt: string;
}

/**
 * A library item moved in its review: its author hears that it was published, that changes were
 * requested or that it was rejected (with the officer's comment); programme staff hear of a
 * submission. `pairingId` is null (programme-wide items).
 */
export interface ResourceReviewNotificationDto extends NotificationBase {
  kind: 'resource-review';
  resourceId: string;
  /** The item's title when the step was taken. */
  resourceTitle: string;
  /** The status the item moved to: submitted, changes_requested, published or rejected. */
  status: ResourceStatus;
  /** The reviewer's comment, if any (first characters). */
  excerpt: string;
}

export type NotificationDto =
  MentionNotificationDto | PlanReviewNotificationDto | ResourceReviewNotificationDto;

/** GET /api/notifications?before=<cursor>&limit= */
export interface NotificationListDto {
  items: NotificationDto[];
  unread: number;
  nextCursor: string | null;
}

/** POST /api/notifications/read — the given ids, or all when `ids` is left out. */
export interface MarkNotificationsReadRequest {
  ids?: string[];
}

export interface NotificationsUnreadDto {
  unread: number;
}

// ---------------------------------------------------------------------------------------------
// socket.io: namespace /discussions, auth { token } or the session cookie

export interface AckError {
  ok: false;
  /** The same codes as the REST API's errors (e.g. 'invalid', 'too_large', 'rate_limited', 'not_found'). */
  code: ApiErrorCode;
  error: string;
}
export type Ack<T extends object = object> = ({ ok: true } & T) | AckError;

export interface JoinChannelPayload {
  channelId: string;
}
export interface LeaveChannelPayload {
  channelId: string;
}
export interface SendMessagePayload {
  channelId: string;
  body: string;
  parentId?: string | null;
}
export interface EditMessagePayload {
  messageId: string;
  body: string;
}
export interface DeleteMessagePayload {
  messageId: string;
}
export interface ToggleReactionPayload {
  messageId: string;
  /** One emoji (e.g. "👍") or a short code like ":tada:". */
  emoji: string;
}
export interface TypingPayload {
  channelId: string;
}

export type JoinAck = Ack<{ channel: ChannelDto; online: UserRefDto[] }>;
export type MessageAck = Ack<{ message: MessageDto }>;
export type ReactionAck = Ack<{ reaction: ReactionEventDto }>;
export type EmptyAck = Ack;

/** message:updated carries no reactions (their `mine` differs per person): see message:reaction. */
export type MessageUpdateDto = Omit<MessageDto, 'reactions'>;

export interface MessageDeletedDto {
  id: string;
  channelId: string;
  parentId: string | null;
  deletedAt: string;
}

export interface ReactionEventDto {
  messageId: string;
  channelId: string;
  emoji: string;
  user: UserRefDto;
  /** true: the user added it; false: removed it. */
  added: boolean;
  /** How many now react with this emoji. */
  count: number;
}

export interface TypingEventDto {
  channelId: string;
  user: UserRefDto;
}

export interface PresenceEventDto {
  channelId: string;
  user: UserRefDto;
  online: boolean;
}

export interface ChannelRevokedDto {
  channelId: string;
}

/** Client → server events; each takes an acknowledgement callback. */
export interface DiscussionClientEvents {
  'channel:join': (payload: JoinChannelPayload, ack: (answer: JoinAck) => void) => void;
  'channel:leave': (payload: LeaveChannelPayload, ack: (answer: EmptyAck) => void) => void;
  'message:send': (payload: SendMessagePayload, ack: (answer: MessageAck) => void) => void;
  'message:edit': (payload: EditMessagePayload, ack: (answer: MessageAck) => void) => void;
  'message:delete': (payload: DeleteMessagePayload, ack: (answer: MessageAck) => void) => void;
  'reaction:toggle': (payload: ToggleReactionPayload, ack: (answer: ReactionAck) => void) => void;
  typing: (payload: TypingPayload, ack: (answer: EmptyAck) => void) => void;
}

/** Server → client events. */
export interface DiscussionServerEvents {
  /** A message or thread reply in a joined channel (not echoed to the sending connection: its ack has it). */
  'message:new': (message: MessageDto) => void;
  'message:updated': (message: MessageUpdateDto) => void;
  'message:deleted': (message: MessageDeletedDto) => void;
  'message:reaction': (reaction: ReactionEventDto) => void;
  typing: (event: TypingEventDto) => void;
  presence: (event: PresenceEventDto) => void;
  /** To every connection of the mentioned person. */
  notification: (notification: NotificationDto) => void;
  /** Another device of the same person marked notifications read. */
  'notifications:read': (state: NotificationsUnreadDto) => void;
  /** Another device (or this one, over REST) moved the read position. */
  'channel:read': (state: ReadStateDto) => void;
  'channel:updated': (
    channel: Pick<ChannelDto, 'id' | 'pairingId' | 'name' | 'kind' | 'side' | 'archived'>,
  ) => void;
  /** Access to a joined channel is gone (membership removed): the connection left its room. */
  'channel:revoked': (event: ChannelRevokedDto) => void;
}

export const DISCUSSION_CLIENT_EVENTS = [
  'channel:join',
  'channel:leave',
  'message:send',
  'message:edit',
  'message:delete',
  'reaction:toggle',
  'typing',
] as const satisfies readonly (keyof DiscussionClientEvents)[];

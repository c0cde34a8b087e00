/** Rows to the contract's shapes (libs/domain): entities and rows are never returned as they are. */
import type {
  ChannelDto,
  MessageDto,
  MessageUpdateDto,
  ReactionDto,
  ReadStateDto,
} from '@iuc/domain';
import { encodeCursor } from '../common/cursor.js';
import type { ChannelAccess } from './discussions.policy.js';
import type { ReadStateRow } from './channels/channels.repository.js';
import type { MessageRow, ReactionRow } from './messages/messages.repository.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toChannelDto(access: ChannelAccess, state: ReadStateRow | undefined): ChannelDto {
  const { channel, rights } = access;
  return {
    id: channel.id,
    pairingId: channel.pairingId,
    name: channel.name,
    kind: channel.kind,
    side: channel.side,
    archived: channel.archived,
    unread: state?.unread ?? 0,
    readCursor: encodeCursor(
      state?.read ?? { micros: '0', id: '00000000-0000-0000-0000-000000000000' },
    ),
    firstUnreadId: state?.firstUnreadId ?? null,
    lastMessageAt: iso(state?.lastMessageAt ?? null),
    canPost: rights.post,
    canManage: rights.manage,
  };
}

export function toReadStateDto(state: ReadStateRow): ReadStateDto {
  return {
    channelId: state.channelId,
    unread: state.unread,
    readCursor: encodeCursor(state.read),
    firstUnreadId: state.firstUnreadId,
  };
}

export function toMessageUpdate(row: MessageRow): MessageUpdateDto {
  return {
    id: row.id,
    channelId: row.channelId,
    parentId: row.parentId,
    author: { id: row.authorId, name: row.authorName },
    body: row.deletedAt ? '' : row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: iso(row.editedAt),
    deletedAt: iso(row.deletedAt),
    replyCount: row.replyCount,
    lastReplyAt: iso(row.lastReplyAt),
    mentions: row.deletedAt ? [] : row.mentionIds,
  };
}

export function toMessageDto(row: MessageRow, reactions: readonly ReactionRow[]): MessageDto {
  const own: ReactionDto[] = row.deletedAt
    ? []
    : reactions
        .filter((r) => r.messageId === row.id)
        .map((r) => ({ emoji: r.emoji, count: r.count, mine: r.mine }));
  return { ...toMessageUpdate(row), reactions: own };
}

/** Response schemas: for the OpenAPI document only; the service returns the @iuc/domain types. */
import { ApiProperty } from '@nestjs/swagger';
import {
  CHANNEL_KINDS,
  PAIRING_SIDES,
  type ChannelDto,
  type ChannelKind,
  type MentionCandidateDto,
  type MessageDto,
  type MessagePageDto,
  type PairingSide,
  type ReactionDto,
  type ReadStateDto,
  type ThreadDto,
} from '@iuc/domain';
import { UserRefDoc } from '../../common/user-ref.docs.js';

export class ChannelDoc implements ChannelDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) pairingId: string;
  @ApiProperty({ example: 'General' }) name: string;
  @ApiProperty({ enum: CHANNEL_KINDS }) kind: ChannelKind;
  @ApiProperty({ enum: PAIRING_SIDES, nullable: true, type: String }) side: PairingSide | null;
  @ApiProperty() archived: boolean;
  @ApiProperty({ description: 'Top-level messages by others after the read position.' })
  unread: number;
  @ApiProperty({ description: 'Opaque; ?after=<readCursor> starts at the first unread message.' })
  readCursor: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) firstUnreadId: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastMessageAt: string | null;
  @ApiProperty() canPost: boolean;
  @ApiProperty() canManage: boolean;
}

export class ReactionDoc implements ReactionDto {
  @ApiProperty({ example: '👍' }) emoji: string;
  @ApiProperty() count: number;
  @ApiProperty({ description: 'Whether the caller reacted with it.' }) mine: boolean;
}

export class MessageDoc implements MessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) channelId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ type: UserRefDoc }) author: UserRefDoc;
  @ApiProperty({ description: 'Plain text with light markdown; never HTML. Empty once deleted.' })
  body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) editedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deletedAt: string | null;
  @ApiProperty({ type: [ReactionDoc] }) reactions: ReactionDoc[];
  @ApiProperty() replyCount: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastReplyAt: string | null;
  @ApiProperty({ type: [String], description: 'Ids of the mentioned members.' }) mentions: string[];
}

export class MessagePageDoc implements MessagePageDto {
  @ApiProperty({ type: [MessageDoc] }) messages: MessageDoc[];
  @ApiProperty({ nullable: true, type: String, description: 'Continues in the same direction.' })
  nextCursor: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "From the page's first message, the other way.",
  })
  prevCursor: string | null;
}

export class ThreadDoc implements ThreadDto {
  @ApiProperty({ type: MessageDoc }) root: MessageDoc;
  @ApiProperty({ type: MessagePageDoc }) replies: MessagePageDoc;
}

export class ReadStateDoc implements ReadStateDto {
  @ApiProperty({ format: 'uuid' }) channelId: string;
  @ApiProperty() unread: number;
  @ApiProperty() readCursor: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) firstUnreadId: string | null;
}

export class MentionCandidateDoc implements MentionCandidateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'lucia.ortega' }) handle: string;
}

/**
 * socket.io event payloads, validated by `validatePayload` (whitelist: unknown fields such as a
 * spoofed author or time are dropped, never used).
 */
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type {
  DeleteMessagePayload,
  EditMessagePayload,
  JoinChannelPayload,
  LeaveChannelPayload,
  SendMessagePayload,
  ToggleReactionPayload,
  TypingPayload,
} from '@iuc/domain';

/** One emoji (with modifiers, ZWJ sequences, flags, keycaps) or a short code like ":tada:". */
export const EMOJI =
  /^(?::[a-z0-9_+-]{1,32}:|[0-9#*]\uFE0F?\u20E3|(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200D|\uFE0F|[\u{E0020}-\u{E007F}])*)$/u;

export class ChannelPayload implements JoinChannelPayload, LeaveChannelPayload, TypingPayload {
  @IsUUID('all')
  channelId: string;
}

export class SendMessageDto implements SendMessagePayload {
  @IsUUID('all')
  channelId: string;

  /** Size and content are checked by the service (too_large has its own error code). */
  @IsString()
  body: string;

  @IsOptional()
  @IsUUID('all')
  parentId?: string | null;
}

export class EditMessageDto implements EditMessagePayload {
  @IsUUID('all')
  messageId: string;

  @IsString()
  body: string;
}

export class MessageRefDto implements DeleteMessagePayload {
  @IsUUID('all')
  messageId: string;
}

export class ToggleReactionDto implements ToggleReactionPayload {
  @IsUUID('all')
  messageId: string;

  @IsString()
  @MaxLength(40)
  @Matches(EMOJI, { message: 'emoji must be one emoji or a :short_code:' })
  emoji: string;
}

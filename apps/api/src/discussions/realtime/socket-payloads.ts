/**
 * socket.io event payloads: each event's fields and a parser that builds a fresh object from them
 * alone (unknown fields such as a spoofed author or time are dropped, never used). Hand-written
 * rather than class-validator: these run once per chat message, and the schema is a few fields.
 */
import type {
  AckError,
  DeleteMessagePayload,
  EditMessagePayload,
  JoinChannelPayload,
  SendMessagePayload,
  ToggleReactionPayload,
} from '@iuc/domain';
import { isUuid } from '../../common/ids.js';
import { ackError } from './socket-acks.js';

/** One emoji (with modifiers, ZWJ sequences, flags, keycaps) or a short code like ":tada:". */
export const EMOJI =
  /^(?::[a-z0-9_+-]{1,32}:|[0-9#*]\uFE0F?\u20E3|(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200D|\uFE0F|[\u{E0020}-\u{E007F}])*)$/u;
const MAX_EMOJI_LENGTH = 40;

type Check = (value: unknown, name: string) => string | null;

const uuid: Check = (v, name) => (isUuid(v) ? null : `${name} must be a UUID`);
/** Size and content of a body are checked by the service (too_large has its own error code). */
const text: Check = (v, name) => (typeof v === 'string' ? null : `${name} must be a string`);
const emoji: Check = (v, name) =>
  typeof v !== 'string'
    ? `${name} must be a string`
    : v.length > MAX_EMOJI_LENGTH || !EMOJI.test(v)
      ? `${name} must be one emoji or a :short_code:`
      : null;
/** Absent, null or valid. */
const optional =
  (check: Check): Check =>
  (v, name) =>
    v === undefined || v === null ? null : check(v, name);

/** A parser for one event's payload: the declared fields, checked, in a new plain object. */
export type PayloadParser<T> = (payload: unknown) => { ok: true; value: T } | AckError;

function parser<T>(fields: { [K in keyof T]-?: Check }): PayloadParser<T> {
  const entries = Object.entries(fields) as [string, Check][];
  return (payload) => {
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
      return ackError('invalid', 'The payload must be an object.');
    const source = payload as Record<string, unknown>;
    const value: Record<string, unknown> = {};
    const problems: string[] = [];
    for (const [name, check] of entries) {
      // Own properties only: nothing inherited (or planted on a prototype) is read.
      const field = Object.prototype.hasOwnProperty.call(source, name) ? source[name] : undefined;
      const problem = check(field, name);
      if (problem) problems.push(problem);
      else if (field !== undefined) value[name] = field;
    }
    return problems.length
      ? ackError('invalid', problems.join('; '))
      : { ok: true, value: value as T };
  };
}

export const channelPayload = parser<JoinChannelPayload>({ channelId: uuid });
export const sendMessagePayload = parser<SendMessagePayload>({
  channelId: uuid,
  body: text,
  parentId: optional(uuid),
});
export const editMessagePayload = parser<EditMessagePayload>({ messageId: uuid, body: text });
export const messageRefPayload = parser<DeleteMessagePayload>({ messageId: uuid });
export const toggleReactionPayload = parser<ToggleReactionPayload>({ messageId: uuid, emoji });

/**
 * A channel's (or a thread's) messages as the client holds them: merged by id from REST pages,
 * live events and our own acknowledgements, so that a reconnect's catch-up never duplicates or
 * loses a message. Pure: the hooks feed it, the unit tests check it.
 */
import type {
  MessageDeletedDto,
  MessageDto,
  MessagePageDto,
  MessageUpdateDto,
  ReactionEventDto,
} from '@iuc/domain';

export interface Timeline {
  /** Oldest first, one entry per id. */
  messages: MessageDto[];
  /** `before=` for the next older page; null once the start of the history is held. */
  olderCursor: string | null;
  /** `after=` from which newer messages are fetched after a reconnect; null: ask for the latest. */
  newerCursor: string | null;
  /** Whether the first page has arrived. */
  loaded: boolean;
}

export const EMPTY_TIMELINE: Timeline = {
  messages: [],
  olderCursor: null,
  newerCursor: null,
  loaded: false,
};

export type TimelineAction =
  /** The latest page (newest first), as the first load or a refresh. */
  | { type: 'latest'; page: MessagePageDto }
  /** An older page (newest first), from `before=`. */
  | { type: 'older'; page: MessagePageDto }
  /** A newer page (oldest first), from `after=` (catch-up, thread replies). */
  | { type: 'newer'; page: MessagePageDto }
  | { type: 'new'; message: MessageDto }
  | { type: 'updated'; message: MessageUpdateDto }
  | { type: 'deleted'; message: MessageDeletedDto }
  | { type: 'reaction'; event: ReactionEventDto; me: string }
  /** A reply arrived in the thread of one of our messages. */
  | { type: 'reply'; reply: MessageDto };

/** History order: creation time, then id (the server's own tie-break). */
export function compareMessages(a: MessageDto, b: MessageDto): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const stamp = (m: Pick<MessageDto, 'editedAt' | 'deletedAt'>) =>
  m.deletedAt ? `~${m.deletedAt}` : (m.editedAt ?? '');

/**
 * Which of two copies of one message to keep: a deletion is final, a later edit beats an earlier
 * one; otherwise the incoming copy (fresher counts and reactions from the server).
 */
export function fresher(held: MessageDto, incoming: MessageDto): MessageDto {
  return stamp(incoming) >= stamp(held) ? incoming : held;
}

/** Merges messages into an oldest-first list: by id, no duplicates, in history order. */
export function mergeMessages(
  held: readonly MessageDto[],
  incoming: readonly MessageDto[],
): MessageDto[] {
  if (!incoming.length) return held as MessageDto[];
  const byId = new Map(held.map((m) => [m.id, m]));
  for (const m of incoming) {
    const kept = byId.get(m.id);
    byId.set(m.id, kept ? fresher(kept, m) : m);
  }
  return [...byId.values()].sort(compareMessages);
}

function mapMessage(
  messages: MessageDto[],
  id: string,
  change: (m: MessageDto) => MessageDto,
): MessageDto[] {
  const i = messages.findIndex((m) => m.id === id);
  if (i < 0) return messages;
  const next = messages.slice();
  next[i] = change(messages[i]);
  return next;
}

export function timelineReducer(state: Timeline, action: TimelineAction): Timeline {
  switch (action.type) {
    case 'latest': {
      const { page } = action;
      return {
        messages: mergeMessages(state.messages, page.messages),
        // A refresh must not forget how far back we already are.
        olderCursor: state.loaded ? state.olderCursor : page.nextCursor,
        newerCursor: page.prevCursor ?? state.newerCursor,
        loaded: true,
      };
    }
    case 'older':
      return {
        ...state,
        messages: mergeMessages(state.messages, action.page.messages),
        olderCursor: action.page.nextCursor,
      };
    case 'newer': {
      const { page } = action;
      // At the end of the history the page gives no cursor past its last message: start again
      // from its first one next time (the overlap is merged away).
      const newerCursor = page.nextCursor ?? page.prevCursor ?? state.newerCursor;
      return {
        ...state,
        messages: mergeMessages(state.messages, page.messages),
        newerCursor,
        loaded: true,
      };
    }
    case 'new':
      return { ...state, messages: mergeMessages(state.messages, [action.message]) };
    case 'updated': {
      const update = action.message;
      return {
        ...state,
        messages: mapMessage(state.messages, update.id, (m) =>
          fresher(m, { ...update, reactions: m.reactions }),
        ),
      };
    }
    case 'deleted': {
      const { id, deletedAt } = action.message;
      return {
        ...state,
        messages: mapMessage(state.messages, id, (m) =>
          m.deletedAt ? m : { ...m, deletedAt, body: '', reactions: [], mentions: [] },
        ),
      };
    }
    case 'reaction':
      return {
        ...state,
        messages: mapMessage(state.messages, action.event.messageId, (m) =>
          applyReaction(m, action.event, action.me),
        ),
      };
    case 'reply': {
      const { reply } = action;
      if (!reply.parentId) return state;
      return {
        ...state,
        messages: mapMessage(state.messages, reply.parentId, (m) => ({
          ...m,
          replyCount: m.replyCount + 1,
          lastReplyAt:
            !m.lastReplyAt || reply.createdAt > m.lastReplyAt ? reply.createdAt : m.lastReplyAt,
        })),
      };
    }
  }
}

/** A reaction event applied to a message: the server's count, and `mine` when it was us. */
export function applyReaction(
  message: MessageDto,
  event: ReactionEventDto,
  me: string,
): MessageDto {
  const reactions = message.reactions.slice();
  const i = reactions.findIndex((r) => r.emoji === event.emoji);
  const mine = event.user.id === me ? event.added : (reactions[i]?.mine ?? false);
  if (event.count <= 0) {
    if (i >= 0) reactions.splice(i, 1);
  } else if (i >= 0) {
    reactions[i] = { emoji: event.emoji, count: event.count, mine };
  } else {
    reactions.push({ emoji: event.emoji, count: event.count, mine });
  }
  return { ...message, reactions };
}

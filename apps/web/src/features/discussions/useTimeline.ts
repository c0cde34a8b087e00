/**
 * A channel's history and a thread, as live lists: the first page over REST, older pages on
 * demand, every live change merged in, and after each (re)join of the channel's room a catch-up
 * of what was written meanwhile (merged by id: no gap, no duplicate).
 */
import type { MessageDto } from '@iuc/domain';
import { useCallback, useEffect, useReducer, useRef, useState, type Dispatch } from 'react';
import { fetchHistory, fetchThread } from './api';
import { useDiscussions } from './context';
import { useSocketEvent } from '../../realtime/socket';
import { EMPTY_TIMELINE, timelineReducer, type Timeline, type TimelineAction } from './timeline';

const PAGE = 50;
const CATCH_UP_PAGE = 100;
/** Bounds a catch-up or a search back (100 pages of 100 messages). */
const MAX_PAGES = 100;

/** Feeds a timeline the live events of one channel; `thread` picks a thread's replies instead. */
function useTimelineEvents(
  dispatch: Dispatch<TimelineAction>,
  channelId: string,
  thread: string | null,
) {
  const { me } = useDiscussions();
  const mine = (m: { channelId: string; parentId: string | null }) =>
    m.channelId === channelId && m.parentId === thread;
  useSocketEvent('message:new', (message) => {
    if (mine(message)) dispatch({ type: 'new', message });
    // A reply counts on its first message, which this list may hold.
    else if (message.channelId === channelId && message.parentId)
      dispatch({ type: 'reply', reply: message });
  });
  useSocketEvent('message:updated', (message) => {
    if (message.channelId === channelId) dispatch({ type: 'updated', message });
  });
  useSocketEvent('message:deleted', (message) => {
    if (message.channelId === channelId) dispatch({ type: 'deleted', message });
  });
  useSocketEvent('message:reaction', (event) => {
    if (event.channelId === channelId) dispatch({ type: 'reaction', event, me: me.id });
  });
}

/** The latest state in callbacks that outlive a render. */
function useLatest<T>(value: T) {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}

export interface ChannelTimeline extends Timeline {
  error: unknown;
  loadingOlder: boolean;
  hasOlder: boolean;
  loadOlder: () => Promise<void>;
  /** Loads older pages until the message is held (jump to first unread, a linked message). */
  loadUntil: (messageId: string) => Promise<boolean>;
}

export function useChannelTimeline(channelId: string): ChannelTimeline {
  const { joined } = useDiscussions();
  const [state, dispatch] = useReducer(timelineReducer, EMPTY_TIMELINE);
  const [error, setError] = useState<unknown>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const latest = useLatest(state);
  const busy = useRef(false);
  useTimelineEvents(dispatch, channelId, null);

  useEffect(() => {
    let active = true;
    fetchHistory(channelId, { limit: PAGE }).then(
      (page) => active && dispatch({ type: 'latest', page }),
      (err: unknown) => active && setError(err),
    );
    return () => {
      active = false;
    };
  }, [channelId]);

  // After every join of the room (the first one included: messages may have come between the
  // first page and the join), fetch what is newer than the newest message held.
  const joinedAt = joined.get(channelId);
  const caughtUp = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (joinedAt === undefined || !state.loaded || caughtUp.current === joinedAt) return;
    const rejoin = caughtUp.current !== undefined;
    caughtUp.current = joinedAt;
    void (async () => {
      try {
        let cursor = latest.current.newerCursor;
        for (let n = 0; n < MAX_PAGES; n++) {
          const page = await fetchHistory(channelId, {
            after: cursor ?? undefined,
            limit: CATCH_UP_PAGE,
          });
          dispatch(cursor ? { type: 'newer', page } : { type: 'latest', page });
          if (!cursor || !page.nextCursor) break;
          cursor = page.nextCursor;
        }
        // Edits, deletions and replies made while we were away, on the messages one sees first.
        if (rejoin)
          dispatch({ type: 'latest', page: await fetchHistory(channelId, { limit: PAGE }) });
      } catch {
        // The next reconnect tries again; the list keeps what it has.
        caughtUp.current = undefined;
      }
    })();
  }, [channelId, joinedAt, state.loaded, latest]);

  /** One older page, fetched and merged; one at a time (a second call answers null). */
  const pageBack = useCallback(
    async (cursor: string) => {
      if (busy.current) return null;
      busy.current = true;
      setLoadingOlder(true);
      try {
        const page = await fetchHistory(channelId, { before: cursor, limit: PAGE });
        dispatch({ type: 'older', page });
        return page;
      } catch (err) {
        setError(err);
        return null;
      } finally {
        busy.current = false;
        setLoadingOlder(false);
      }
    },
    [channelId],
  );

  const loadOlder = useCallback(async () => {
    const cursor = latest.current.olderCursor;
    if (cursor) await pageBack(cursor);
  }, [latest, pageBack]);

  const loadUntil = useCallback(
    async (messageId: string) => {
      // Cursors are followed here, not read back from state, which lags a render behind.
      let cursor = latest.current.olderCursor;
      if (latest.current.messages.some((m) => m.id === messageId)) return true;
      for (let n = 0; n < MAX_PAGES && cursor; n++) {
        const page = await pageBack(cursor);
        if (!page) return false;
        if (page.messages.some((m) => m.id === messageId)) return true;
        cursor = page.nextCursor;
      }
      return false;
    },
    [latest, pageBack],
  );

  return {
    ...state,
    error,
    loadingOlder,
    hasOlder: state.loaded && state.olderCursor !== null,
    loadOlder,
    loadUntil,
  };
}

export interface ThreadState {
  root: MessageDto | null;
  replies: MessageDto[];
  loaded: boolean;
  error: unknown;
}

export function useThread(channelId: string, rootId: string): ThreadState {
  const { joined } = useDiscussions();
  const [root, dispatchAll] = useReducer(timelineReducer, EMPTY_TIMELINE);
  // The first message alone: the channel's other new messages are not kept here.
  const dispatchRoot = useCallback(
    (action: TimelineAction) => action.type !== 'new' && dispatchAll(action),
    [],
  );
  const [replies, dispatch] = useReducer(timelineReducer, EMPTY_TIMELINE);
  const [error, setError] = useState<unknown>(null);
  const latest = useLatest(replies);
  useTimelineEvents(dispatchRoot, channelId, null);
  useTimelineEvents(dispatch, channelId, rootId);

  // The whole thread (oldest first), again after every rejoin from where it was.
  const joinedAt = joined.get(channelId);
  useEffect(() => {
    let active = true;
    void (async () => {
      try {
        let cursor = latest.current.newerCursor ?? undefined;
        for (let n = 0; n < MAX_PAGES && active; n++) {
          const thread = await fetchThread(rootId, cursor);
          if (!active) return;
          dispatchRoot({
            type: 'newer',
            page: { messages: [thread.root], nextCursor: null, prevCursor: null },
          });
          dispatch({ type: 'newer', page: thread.replies });
          if (!thread.replies.nextCursor) break;
          cursor = thread.replies.nextCursor;
        }
      } catch (err) {
        if (active) setError(err);
      }
    })();
    return () => {
      active = false;
    };
  }, [rootId, joinedAt, latest, dispatchRoot]);

  return {
    root: root.messages.find((m) => m.id === rootId) ?? null,
    replies: replies.messages,
    loaded: replies.loaded,
    error,
  };
}

/** Typing: telling the others (throttled) and knowing who else is typing in a channel. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDiscussions } from './context';
import { useDiscussionsSocket, useSocketEvent } from '../../realtime/socket';

/** At most one typing event every 3 s (the others show it for a few seconds). */
const SEND_EVERY_MS = 3_000;
const SHOW_FOR_MS = 6_000;

export function useTypingNotifier(channelId: string): () => void {
  const { connection } = useDiscussionsSocket();
  const last = useRef(0);
  return useCallback(() => {
    const now = Date.now();
    if (!connection || now - last.current < SEND_EVERY_MS) return;
    last.current = now;
    void connection.send('typing', { channelId });
  }, [connection, channelId]);
}

/** The names of the others typing in the channel now. */
export function useTypingNames(channelId: string): string[] {
  const { me } = useDiscussions();
  const [typing, setTyping] = useState<ReadonlyMap<string, { name: string; until: number }>>(
    new Map(),
  );

  useSocketEvent('typing', ({ channelId: where, user }) => {
    if (where !== channelId || user.id === me.id) return;
    setTyping((m) => new Map(m).set(user.id, { name: user.name, until: Date.now() + SHOW_FOR_MS }));
  });
  // Whoever sent their message has stopped typing.
  useSocketEvent('message:new', (message) => {
    if (message.channelId !== channelId) return;
    setTyping((m) => {
      if (!m.has(message.author.id)) return m;
      const next = new Map(m);
      next.delete(message.author.id);
      return next;
    });
  });

  const any = typing.size > 0;
  useEffect(() => {
    if (!any) return;
    const timer = setInterval(() => {
      const now = Date.now();
      setTyping((m) => {
        const next = new Map([...m].filter(([, v]) => v.until > now));
        return next.size === m.size ? m : next;
      });
    }, 1_000);
    return () => clearInterval(timer);
  }, [any]);

  return [...typing.values()].map((v) => v.name);
}

/** A value that changes at most once per `ms` (for screen reader announcements). */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, last.current + ms - Date.now());
    const timer = setTimeout(() => {
      last.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}

/**
 * Moves the read position to the newest message while the channel is being read: the page is
 * visible and the newest message is in view. The server then tells every device (channel:read).
 */
import { useQueryClient } from '@tanstack/react-query';
import type { ChannelDto } from '@iuc/domain';
import { useEffect, useState } from 'react';
import { applyReadState, markChannelRead } from './api';
import { useDiscussions } from './context';

function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

export function useMarkRead(channel: ChannelDto, newestId: string | null, atEnd: boolean): void {
  const client = useQueryClient();
  const { readingRef, pairing } = useDiscussions();
  const visible = usePageVisible();
  const isReading = visible && atEnd;

  useEffect(() => {
    readingRef.current = isReading ? channel.id : null;
    return () => {
      readingRef.current = null;
    };
  }, [readingRef, isReading, channel.id]);

  const needed = isReading && newestId !== null && channel.unread > 0;
  useEffect(() => {
    if (!needed || !newestId) return;
    // A short pause: a burst of messages is marked once.
    const timer = setTimeout(() => {
      markChannelRead(channel.id, newestId).then(
        (state) => applyReadState(client, pairing.id, state),
        () => undefined, // the next message or visit tries again
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [needed, newestId, channel.id, client, pairing.id]);
}

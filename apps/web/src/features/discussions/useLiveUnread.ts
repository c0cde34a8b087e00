/**
 * Unread counts that follow what happens: a message by someone else in another channel counts at
 * once; read positions moved on any of our devices (channel:read) set the server's count.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { RefObject } from 'react';
import { applyReadState, channelsKey, patchChannel } from './api';
import { useSocketEvent } from '../../realtime/socket';

export function useLiveUnread(
  pairingId: string,
  me: string,
  readingRef: RefObject<string | null>,
): void {
  const client = useQueryClient();
  useSocketEvent('message:new', (message) => {
    if (message.parentId || message.author.id === me || readingRef.current === message.channelId)
      return;
    patchChannel(client, pairingId, message.channelId, (c) => ({
      unread: c.unread + 1,
      firstUnreadId: c.firstUnreadId ?? message.id,
      lastMessageAt: message.createdAt,
    }));
  });
  useSocketEvent('channel:read', (state) => applyReadState(client, pairingId, state));
  useSocketEvent('channel:updated', (channel) =>
    patchChannel(client, pairingId, channel.id, () => ({
      name: channel.name,
      archived: channel.archived,
    })),
  );
  useSocketEvent(
    'channel:revoked',
    () => void client.invalidateQueries({ queryKey: channelsKey(pairingId) }),
  );
}

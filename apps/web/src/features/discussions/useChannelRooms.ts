/**
 * Keeps the connection in the rooms of all the pairing's channels it may read, so that messages in
 * other channels update their unread counts live; rejoins after every reconnect (the server forgets
 * rooms with the connection) and leaves them when the page closes. Tracks presence per channel.
 */
import type { ChannelDto, UserRefDto } from '@iuc/domain';
import { useEffect, useRef, useState } from 'react';
import { useDiscussionsSocket, useSocketEvent } from '../../realtime/socket';

interface Rooms {
  online: ReadonlyMap<string, UserRefDto[]>;
  joined: ReadonlyMap<string, number>;
}

const EMPTY: Rooms = { online: new Map(), joined: new Map() };

export function useChannelRooms(channels: readonly ChannelDto[], onRevoked: () => void): Rooms {
  const { connection, connected, generation } = useDiscussionsSocket();
  const [rooms, setRooms] = useState<Rooms>(EMPTY);
  const ids = channels.map((c) => c.id).join(',');

  useEffect(() => {
    if (!connection || !connected || !ids) return;
    const channelIds = ids.split(',');
    let active = true;
    for (const channelId of channelIds) {
      void connection.send('channel:join', { channelId }).then((ack) => {
        if (!active) return;
        if (!ack.ok) {
          if (ack.code === 'not_found') onRevoked();
          return;
        }
        setRooms((r) => ({
          online: new Map(r.online).set(channelId, ack.online),
          joined: new Map(r.joined).set(channelId, generation),
        }));
      });
    }
    return () => {
      active = false;
    };
    // onRevoked only matters when an answer arrives; rejoining for a new callback would be waste.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connection, connected, generation, ids]);

  // Leaving the page leaves the rooms (the connection stays open for the notification bell).
  // Not on reconnects: a leave racing the rejoin could end outside the room.
  const current = useRef(ids);
  useEffect(() => {
    current.current = ids;
  });
  useEffect(() => {
    if (!connection) return;
    return () => {
      for (const channelId of current.current.split(',').filter(Boolean))
        void connection.send('channel:leave', { channelId });
    };
  }, [connection]);

  useSocketEvent('presence', ({ channelId, user, online }) =>
    setRooms((r) => {
      const others = (r.online.get(channelId) ?? []).filter((u) => u.id !== user.id);
      return {
        ...r,
        online: new Map(r.online).set(channelId, online ? [...others, user] : others),
      };
    }),
  );
  useSocketEvent('channel:revoked', onRevoked);
  return rooms;
}

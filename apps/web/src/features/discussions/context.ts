/** What every part of an open pairing's discussions needs: the pairing, its channels, who is here. */
import type { ChannelDto, PairingDetailDto, UserDto, UserRefDto } from '@iuc/domain';
import { createContext, useContext, type RefObject } from 'react';

export interface DiscussionsContextValue {
  pairing: PairingDetailDto;
  channels: ChannelDto[];
  me: UserDto;
  /** Who has each channel open now (presence). */
  online: ReadonlyMap<string, UserRefDto[]>;
  /** Per channel, the connection generation its room was last joined in (catch-up after a rejoin). */
  joined: ReadonlyMap<string, number>;
  /** The channel being read right now (visible, at its newest message): its unread count stays 0. */
  readingRef: RefObject<string | null>;
}

export const DiscussionsContext = createContext<DiscussionsContextValue | null>(null);

export function useDiscussions(): DiscussionsContextValue {
  const value = useContext(DiscussionsContext);
  if (!value) throw new Error('useDiscussions() outside the discussions page');
  return value;
}

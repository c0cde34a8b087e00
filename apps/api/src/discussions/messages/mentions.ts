/**
 * Who can be mentioned where: the pairing's members who may read the channel, by the handle of
 * their name. One rule for the service (messages, edits, autocomplete) and the demo seed.
 */
import { channelRights, mentionHandle } from '@iuc/domain';
import type { ChannelRow } from '../channels/channels.repository.js';
import type { MemberRow } from '../../pairings/memberships.service.js';

/** The members who may read the channel. */
export function channelReaders(
  members: readonly MemberRow[],
  channel: Pick<ChannelRow, 'kind' | 'side' | 'archived'>,
): MemberRow[] {
  return members.filter(
    (m) =>
      channelRights({
        programmeRole: m.programmeRole,
        pairingRole: m.pairingRole,
        kind: channel.kind,
        ownSide: m.side !== null && m.side === channel.side,
        archived: channel.archived,
      }).read,
  );
}

/** The ids of the readers whose handle is among `handles` (from mentionedHandles of a body). */
export function readersWithHandles(
  handles: readonly string[],
  readers: readonly MemberRow[],
): string[] {
  if (!handles.length) return [];
  const wanted = new Set(handles);
  return readers.filter((m) => wanted.has(mentionHandle(m.name))).map((m) => m.userId);
}

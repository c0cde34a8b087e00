import {
  channelRights,
  type AccessPermission,
  type ChannelKind,
  type ChannelRights,
  type PairingSide,
  type Standing,
} from '@iuc/domain';
import type { ResourceLocator } from '../../access/resource-locator.js';
import type { ChannelRow } from './channels.repository.js';

/** The channel rule on a standing: a city channel belongs to its side, the others to the pairing. */
export function rightsIn(channel: ChannelRow, s: Standing): ChannelRights {
  return channelRights({
    programmeRole: s.programmeRole,
    pairingRole: s.pairingRole,
    kind: channel.kind,
    ownSide: s.ownSide ?? false,
    archived: channel.archived,
  });
}

const RIGHT: Partial<Record<AccessPermission, keyof ChannelRights>> = {
  'channel.read': 'read',
  'channel.post': 'post',
  'channel.manage': 'manage',
};

/** A channel, for the access service: a city channel sits on its side, the others in the pairing. */
export const CHANNEL_LOCATOR: ResourceLocator<ChannelRow> = {
  kind: 'channel',
  sql: `SELECT c.pairing_id, CASE WHEN c.kind = 'city' THEN c.side END AS side, NULL::uuid AS authority_id,
               '{}'::text[] AS relations, c.id AS channel_id, c.kind AS channel_kind, c.side AS channel_side,
               c.name AS channel_name, (c.archived_at IS NOT NULL) AS channel_archived
          FROM channels c WHERE c.id = q.id`,
  toResource: (row) => ({
    id: row.channel_id as string,
    pairingId: row.pairing_id as string,
    kind: row.channel_kind as ChannelKind,
    side: row.channel_side as PairingSide | null,
    name: row.channel_name as string,
    archived: row.channel_archived as boolean,
  }),
  // A channel the person may not read answers 404, exactly like one that does not exist.
  visible: (standing, channel) => rightsIn(channel, standing).read,
  allows: (standing, channel, permission) => {
    const right = RIGHT[permission];
    return right !== undefined && rightsIn(channel, standing)[right];
  },
  notFound: 'Channel not found.',
};

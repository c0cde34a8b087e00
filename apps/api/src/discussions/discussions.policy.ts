import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { channelRights, type ChannelRights, type Permission } from '@iuc/domain';
import { AccessService } from '../access/access.service.js';
import type { Actor } from '../auth/actor.js';
import { ChannelsRepository, type ChannelRow, type ChannelStandingRow, type LiveSessions } from './channels/channels.repository.js';

/** A channel and what one person may do there, as decided by the policy. */
export interface ChannelAccess {
  channel: ChannelRow;
  rights: ChannelRights;
  /** The access epoch the decision was made at: a later epoch makes it stale. */
  epoch: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who may do what in discussions: the pairing-level permissions of the role matrix (through the one
 * access check) and, per channel, `channelRights` from libs/domain. A channel the person may not
 * read answers 404, exactly like one that does not exist.
 */
@Injectable()
export class DiscussionsPolicy {
  constructor(
    private readonly channels: ChannelsRepository,
    private readonly access: AccessService,
  ) {}

  requirePairing(actor: Actor, permission: Permission, pairingId: string): Promise<void> {
    return this.access.require(actor, permission, [pairingId]);
  }

  /** The actor's access to a channel; throws 404 unless readable, 403 when `need` is not held. */
  async channel(actor: Actor, channelId: string, need: keyof ChannelRights = 'read'): Promise<ChannelAccess> {
    const [access] = UUID.test(channelId) ? await this.many([{ userId: actor.userId, channelId }]) : [null];
    if (!access?.rights.read) throw new NotFoundException('Channel not found.');
    if (!access.rights[need]) {
      throw new ForbiddenException(
        need === 'post' && access.channel.archived ? 'The channel is archived.' : `You are not allowed to do this (${need}).`,
      );
    }
    return access;
  }

  /** Access of many (user, channel) pairs, from the stored standing (fresh programme role too). */
  async many(items: readonly { userId: string; channelId: string }[]): Promise<(ChannelAccess | null)[]> {
    const standings = await this.channels.standings(items);
    return standings.map((s) => (s ? { channel: s.channel, rights: rightsOf(s), epoch: s.epoch } : null));
  }

  liveSessions(tokenHashes: readonly string[]): Promise<LiveSessions> {
    return this.channels.liveSessions(tokenHashes);
  }

  /** The current access epoch: decisions made before it are stale. */
  currentEpoch(): Promise<number> {
    return this.channels.currentEpoch();
  }
}

export function rightsOf(s: ChannelStandingRow): ChannelRights {
  if (!s.enabled) return { read: false, post: false, manage: false };
  return channelRights({
    programmeRole: s.programmeRole,
    pairingRole: s.pairingRole,
    kind: s.channel.kind,
    ownSide: s.ownSide,
    archived: s.channel.archived,
  });
}

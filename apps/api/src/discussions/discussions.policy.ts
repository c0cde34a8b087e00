import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { ChannelRights, Permission } from '@iuc/domain';
import type { LiveSessions } from '../access/access.service.js';
import { AccessService } from '../access/access.service.js';
import type { Actor } from '../access/actor.js';
import type { ChannelRow } from './channels/channels.repository.js';
import { rightsIn } from './channels/channel.locator.js';

/** A channel and what one person may do there, as decided by the policy. */
export interface ChannelAccess {
  channel: ChannelRow;
  rights: ChannelRights;
  /** The access epoch the decision was made at: a later epoch makes it stale. */
  epoch: number;
}

/**
 * Who may do what in discussions: the pairing-level permissions of the role matrix (through the one
 * access check) and, per channel, `channelRights` from libs/domain. A channel the person may not
 * read answers 404, exactly like one that does not exist.
 */
@Injectable()
export class DiscussionsPolicy {
  constructor(private readonly access: AccessService) {}

  requirePairing(actor: Actor, permission: Permission, pairingId: string): Promise<void> {
    return this.access.require(actor, permission, 'pairing', [pairingId]);
  }

  /** The actor's access to a channel; throws 404 unless readable, 403 when `need` is not held. */
  async channel(
    actor: Actor,
    channelId: string,
    need: keyof ChannelRights = 'read',
  ): Promise<ChannelAccess> {
    const [access] = await this.many([{ userId: actor.userId, channelId }]);
    if (!access?.rights.read) throw new NotFoundException('Channel not found.');
    if (!access.rights[need]) {
      throw new ForbiddenException(
        need === 'post' && access.channel.archived
          ? 'The channel is archived.'
          : `You are not allowed to do this (${need}).`,
      );
    }
    return access;
  }

  /** Access of many (user, channel) pairs, from the stored standing (fresh programme role too). */
  async many(
    items: readonly { userId: string; channelId: string }[],
  ): Promise<(ChannelAccess | null)[]> {
    const resolved = await this.access.resolve<ChannelRow>(
      'channel',
      items.map((i) => ({ who: { userId: i.userId }, id: i.channelId })),
    );
    return resolved.map(({ person, resource: channel, standing, epoch }) => {
      if (!person || !channel) return null;
      return { channel, rights: person.enabled ? rightsIn(channel, standing) : NONE, epoch };
    });
  }

  liveSessions(tokenHashes: readonly string[]): Promise<LiveSessions> {
    return this.access.liveSessions(tokenHashes);
  }

  /** The current access epoch: decisions made before it are stale. */
  currentEpoch(): Promise<number> {
    return this.access.currentEpoch();
  }
}

const NONE: ChannelRights = { read: false, post: false, manage: false };

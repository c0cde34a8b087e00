import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { can, type MembershipPlace, type Permission, type Standing } from '@iuc/domain';
import type { Actor } from '../auth/actor.js';
import { AccessRepository } from './access.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one access check. Deny by default; batched over ids. A pairing that does not exist answers
 * 404; one that exists but where the actor lacks the permission answers 403 (the programme
 * directory is open to every signed-in person, so existence is no secret).
 */
@Injectable()
export class AccessService {
  constructor(private readonly repository: AccessRepository) {}

  /** The actor's programme role and role in one pairing. */
  async standing(actor: Actor, pairingId: string): Promise<Standing> {
    const roles = UUID.test(pairingId) ? await this.repository.pairingRoles(actor.userId, [pairingId]) : new Map();
    return { programmeRole: actor.programmeRole, pairingRole: roles.get(pairingId) ?? null };
  }

  /** A user's membership in one pairing (role and city side); null when none or the id is no uuid. */
  membership(userId: string, pairingId: string): Promise<MembershipPlace | null> {
    return UUID.test(pairingId) ? this.repository.membership(userId, pairingId) : Promise.resolve(null);
  }

  /** Throws unless the actor holds `permission` on every one of `pairingIds`. */
  async require(actor: Actor, permission: Permission, pairingIds: readonly string[]): Promise<void> {
    const ids = [...new Set(pairingIds)];
    if (ids.some((id) => !UUID.test(id))) throw new NotFoundException('Pairing not found.');
    const existing = await this.repository.existingPairings(ids);
    if (existing.size !== ids.length) throw new NotFoundException('Pairing not found.');
    const roles = await this.repository.pairingRoles(actor.userId, ids);
    for (const id of ids) {
      const standing: Standing = { programmeRole: actor.programmeRole, pairingRole: roles.get(id) ?? null };
      if (!can(standing, permission)) throw new ForbiddenException(`You are not allowed to do this (${permission}).`);
    }
  }

  /** Throws unless the actor's programme role holds `permission` (programme-wide actions). */
  requireProgramme(actor: Actor, permission: Permission): void {
    if (!can({ programmeRole: actor.programmeRole, pairingRole: null }, permission)) {
      throw new ForbiddenException(`You are not allowed to do this (${permission}).`);
    }
  }
}

import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { UserDto } from '@iuc/domain';
import { AccessService } from '../../access/access.service.js';
import type { Actor } from '../../access/actor.js';
import { SessionsService } from '../sessions/sessions.service.js';
import type { UserEntity } from './user.entity.js';
import { UsersRepository, type UserProfile } from './users.repository.js';

export type { UserProfile } from './users.repository.js';

/** Accounts: what a user looks like to the API, and disabling them. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly access: AccessService,
  ) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findByEmail(email);
  }

  /** Who may be told of a step the programme must act on: its enabled officers and admins, but one. */
  programmeStaffIds(except: string): Promise<string[]> {
    return this.users.programmeStaffIds(except);
  }

  /**
   * People's names by id, in one query: how other modules show who wrote or did something
   * without reading `users` themselves.
   */
  namesByIds(ids: readonly string[]): Promise<Map<string, string>> {
    return this.users.namesByIds(ids);
  }

  /** People's names, programme roles and whether their account is disabled, by id, in one query. */
  profilesByIds(ids: readonly string[]): Promise<Map<string, UserProfile>> {
    return this.users.profilesByIds(ids);
  }

  /** Account ids in id order after `after` (null: from the start): for a full search reindex. */
  accountIdsAfter(after: string | null, limit: number): Promise<string[]> {
    return this.users.idsAfter(after, limit);
  }

  async toDto(userId: string): Promise<UserDto> {
    const [user, memberships] = await Promise.all([
      this.users.findById(userId),
      this.access.memberships(userId),
    ]);
    if (!user) throw new NotFoundException('User not found.');
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      programmeRole: user.programmeRole,
      locale: user.locale,
      memberships: memberships.map((m) => ({
        pairingId: m.pairingId,
        role: m.role,
        authorityId: m.authorityId,
      })),
    };
  }

  /** Disabling also ends every session of the user, so their tokens stop working at once. */
  async setDisabled(actor: Actor, userId: string, disabled: boolean): Promise<void> {
    this.access.requireProgramme(actor, 'user.manage');
    if (disabled && userId === actor.userId)
      throw new BadRequestException('You cannot disable your own account.');
    const found = await this.users.setDisabledAt(userId, disabled ? new Date() : null);
    if (!found) throw new NotFoundException('User not found.');
    if (disabled) await this.sessions.endAllForUser(userId);
  }
}

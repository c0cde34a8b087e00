import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { MembershipDto } from '@iuc/domain';
import { UserEntity } from './user.entity.js';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** The user's pairing memberships (the memberships table belongs to pairings/; this is a read). */
  memberships(userId: string): Promise<MembershipDto[]> {
    return this.users.query(
      `SELECT pairing_id AS "pairingId", role, authority_id AS "authorityId"
         FROM memberships WHERE user_id = $1 ORDER BY created_at, pairing_id`,
      [userId],
    );
  }

  /** Returns false when there is no such user. */
  async setDisabledAt(id: string, disabledAt: Date | null): Promise<boolean> {
    const result = await this.users.update({ id }, { disabledAt });
    return (result.affected ?? 0) > 0;
  }
}

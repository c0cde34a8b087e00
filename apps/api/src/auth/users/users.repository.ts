import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, type Repository } from 'typeorm';
import type { ProgrammeRole } from '@iuc/domain';
import { idsAfter } from '../../database/keyset-ids.js';
import { UserEntity } from './user.entity.js';

/** What other modules may know of an account to list it: no e-mail, no password. */
export interface UserProfile {
  id: string;
  name: string;
  programmeRole: ProgrammeRole | null;
  disabled: boolean;
  createdAt: Date;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** The names of these people, by id, in one query (ids with no account are left out). */
  async namesByIds(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const rows = unique.length
      ? await this.users.find({ select: { id: true, name: true }, where: { id: In(unique) } })
      : [];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** These people's profiles, by id (ids with no account are left out). */
  async profilesByIds(ids: readonly string[]): Promise<Map<string, UserProfile>> {
    const unique = [...new Set(ids)];
    const rows = unique.length
      ? await this.users.find({
          select: { id: true, name: true, programmeRole: true, disabledAt: true, createdAt: true },
          where: { id: In(unique) },
        })
      : [];
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          name: r.name,
          programmeRole: r.programmeRole,
          disabled: r.disabledAt !== null,
          createdAt: r.createdAt,
        },
      ]),
    );
  }

  /** Account ids in id order after `after`, for a full search reindex. */
  idsAfter(after: string | null, limit: number): Promise<string[]> {
    return idsAfter(this.users, 'users', after, limit);
  }

  /** The enabled accounts of the programme's officers and admins, but one. */
  async programmeStaffIds(except: string): Promise<string[]> {
    const rows = await this.users.find({
      select: { id: true },
      where: { programmeRole: Not(IsNull()), disabledAt: IsNull(), id: Not(except) },
    });
    return rows.map((r) => r.id);
  }

  /** Returns false when there is no such user. */
  async setDisabledAt(id: string, disabledAt: Date | null): Promise<boolean> {
    const result = await this.users.update({ id }, { disabledAt });
    return (result.affected ?? 0) > 0;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, type Repository } from 'typeorm';
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

  /** The names of these people, by id, in one query (ids with no account are left out). */
  async namesByIds(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const rows = unique.length
      ? await this.users.find({ select: { id: true, name: true }, where: { id: In(unique) } })
      : [];
    return new Map(rows.map((r) => [r.id, r.name]));
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

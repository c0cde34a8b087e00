import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { In, type FindOptionsWhere, type Repository } from 'typeorm';
import type { WorldRegionCode } from '@iuc/domain';
import { idsAfter } from '../database/keyset-ids.js';
import { AuthorityEntity } from './authority.entity.js';

export interface AuthorityFilter {
  countryIso?: string;
  worldRegion?: WorldRegionCode;
}

/** Authorities, always with their parent (needed by every response shape). */
@Injectable()
export class AuthorityRepository {
  constructor(
    @InjectRepository(AuthorityEntity) private readonly authorities: Repository<AuthorityEntity>,
  ) {}

  find(filter: AuthorityFilter = {}): Promise<AuthorityEntity[]> {
    // TypeORM 1 refuses undefined in `where`: name only the filters that are set.
    const where: FindOptionsWhere<AuthorityEntity> = {};
    if (filter.countryIso) where.countryIso = filter.countryIso;
    if (filter.worldRegion) where.worldRegion = filter.worldRegion;
    return this.authorities.find({ where, relations: { parent: true } });
  }

  /** Null for an unknown id, including one that is not a uuid (it cannot exist). */
  findById(id: string): Promise<AuthorityEntity | null> {
    if (!isUUID(id)) return Promise.resolve(null);
    return this.authorities.findOne({ where: { id }, relations: { parent: true } });
  }

  findByIds(ids: readonly string[]): Promise<AuthorityEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.authorities.find({ where: { id: In([...ids]) }, relations: { parent: true } });
  }

  /** Authority ids in id order after `after`, for a full search reindex. */
  idsAfter(after: string | null, limit: number): Promise<string[]> {
    return idsAfter(this.authorities, 'authorities', after, limit);
  }
}

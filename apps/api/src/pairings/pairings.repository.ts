import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { ArrayContains, In, type FindOptionsWhere, type Repository } from 'typeorm';
import type { ThemeCode } from '@iuc/domain';
import { idsAfter } from '../database/keyset-ids.js';
import { MembershipEntity } from './membership.entity.js';
import { PairingEntity } from './pairing.entity.js';
import type { PairingAuthority } from './pairing-cities.js';

export interface PairingFilter {
  callCode?: string;
  theme?: ThemeCode;
}

/** Pairings with their sides (pairing_authorities rows), and their memberships. */
@Injectable()
export class PairingsRepository {
  constructor(
    @InjectRepository(PairingEntity) private readonly pairings: Repository<PairingEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
  ) {}

  find(filter: PairingFilter = {}): Promise<PairingEntity[]> {
    // TypeORM 1 refuses undefined in `where`: name only the filters that are set.
    const where: FindOptionsWhere<PairingEntity> = {};
    if (filter.callCode) where.callCode = filter.callCode;
    if (filter.theme) where.themes = ArrayContains([filter.theme]);
    return this.pairings.find({ where, relations: { authorities: true } });
  }

  /** Null for an unknown id, including one that is not a uuid (it cannot exist). */
  findById(id: string): Promise<PairingEntity | null> {
    if (!isUUID(id)) return Promise.resolve(null);
    return this.pairings.findOne({ where: { id }, relations: { authorities: true } });
  }

  /** These pairings with their sides and their call (unknown ids are left out). */
  findByIds(ids: readonly string[]): Promise<PairingEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.pairings.find({
      where: { id: In([...ids]) },
      relations: { authorities: true, call: true },
    });
  }

  /** Pairing ids in id order after `after`, for a full search reindex. */
  idsAfter(after: string | null, limit: number): Promise<string[]> {
    return idsAfter(this.pairings, 'pairings', after, limit);
  }

  /** The pairing's members with the name and email of their account (and nothing else of it). */
  members(pairingId: string): Promise<MembershipEntity[]> {
    return this.memberships.find({
      where: { pairingId },
      relations: { user: true },
      select: {
        id: true,
        userId: true,
        pairingId: true,
        role: true,
        authorityId: true,
        user: { id: true, name: true, email: true },
      },
    });
  }

  /** Whether the authority is one of the pairing's cities. */
  async hasCity(pairingId: string, authorityId: string): Promise<boolean> {
    const rows: unknown[] = await this.pairings.query(
      'SELECT 1 FROM pairing_authorities WHERE pairing_id = $1 AND authority_id = $2',
      [pairingId, authorityId],
    );
    return rows.length > 0;
  }

  /** The pairing's cities, in their order: for its title and the names of its cities. */
  cities(pairingId: string): Promise<PairingAuthority[]> {
    return this.pairings.query(
      `SELECT a.id, pa.side, a.name FROM pairing_authorities pa JOIN authorities a ON a.id = pa.authority_id
        WHERE pa.pairing_id = $1 ORDER BY pa.position, a.name`,
      [pairingId],
    );
  }

  async idsBySlug(slugs: readonly string[]): Promise<Map<string, string>> {
    if (slugs.length === 0) return new Map();
    const rows = await this.pairings.find({
      select: { id: true, slug: true },
      where: { slug: In([...slugs]) },
    });
    return new Map(rows.map((p) => [p.slug, p.id]));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MembershipPlace, PairingRole } from '@iuc/domain';

/**
 * The access check's own queries. It reads other modules' tables directly (memberships, pairings)
 * because deciding access must be one cheap, batched query, not a walk through several services.
 */
@Injectable()
export class AccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The ids among `pairingIds` that exist. */
  async existingPairings(pairingIds: readonly string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM pairings WHERE id = ANY($1::uuid[])', [pairingIds]);
    return new Set(rows.map((r) => r.id));
  }

  /** The user's role in each of the given pairings where they have one. */
  async pairingRoles(userId: string, pairingIds: readonly string[]): Promise<Map<string, PairingRole>> {
    const rows: { pairing_id: string; role: PairingRole }[] = await this.dataSource.query(
      'SELECT pairing_id, role FROM memberships WHERE user_id = $1 AND pairing_id = ANY($2::uuid[])',
      [userId, pairingIds],
    );
    return new Map(rows.map((r) => [r.pairing_id, r.role]));
  }

  /** The user's role in one pairing and the city side it is on; null when not a member. */
  async membership(userId: string, pairingId: string): Promise<MembershipPlace | null> {
    const [row]: { role: PairingRole; authority_id: string | null }[] = await this.dataSource.query(
      'SELECT role, authority_id FROM memberships WHERE user_id = $1 AND pairing_id = $2',
      [userId, pairingId],
    );
    return row ? { role: row.role, authorityId: row.authority_id } : null;
  }
}

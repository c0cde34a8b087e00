import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MembershipPlace, PairingRole, PairingSide, ProgrammeRole } from '@iuc/domain';
import type { Queryable } from '../database/queryable.js';

/** A pairing's member with an enabled account, and the side their city is on. */
export interface MemberRow {
  userId: string;
  name: string;
  programmeRole: ProgrammeRole | null;
  pairingRole: PairingRole;
  side: PairingSide | null;
}

/**
 * Part of a pairing whose members are asked for: the whole pairing, one city of it, or one side;
 * optionally only some roles.
 */
export interface MemberScope {
  pairingId: string;
  authorityId?: string | null;
  side?: PairingSide | null;
  roles?: readonly PairingRole[];
}

/** How a membership is written: only when there is none yet, or over the one there is. */
export type MembershipWrite = 'join' | 'replace';

/** The memberships table: its one writer, and the reads other modules need through pairings. */
@Injectable()
export class MembershipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One person's role and city side in a pairing; null when not a member. `lock` inside a transaction. */
  async place(
    userId: string,
    pairingId: string,
    db: Queryable = this.dataSource,
    lock = false,
  ): Promise<MembershipPlace | null> {
    const [row] = (await db.query(
      `SELECT role, authority_id FROM memberships WHERE user_id = $1 AND pairing_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [userId, pairingId],
    )) as { role: PairingRole; authority_id: string | null }[];
    return row ? { role: row.role, authorityId: row.authority_id } : null;
  }

  /** The pairing's members with enabled accounts, by name, with their side. */
  ofPairing(pairingId: string): Promise<MemberRow[]> {
    return pairingMembers(this.dataSource, pairingId);
  }

  /** For each scope, in order, the ids of its members with enabled accounts: one statement. */
  async membersOf(scopes: readonly MemberScope[]): Promise<string[][]> {
    if (!scopes.length) return [];
    const rows: { n: string; user_id: string }[] = await this.dataSource.query(
      `SELECT q.n, m.user_id
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) WITH ORDINALITY AS q(pairing_id, authority_id, side, roles, n)
         JOIN memberships m ON m.pairing_id = q.pairing_id
          AND (q.authority_id IS NULL OR m.authority_id = q.authority_id)
          AND (q.side IS NULL OR EXISTS (SELECT 1 FROM pairing_authorities pa
                WHERE pa.pairing_id = m.pairing_id AND pa.authority_id = m.authority_id AND pa.side = q.side))
          AND (q.roles IS NULL OR m.role = ANY(string_to_array(q.roles, ',')))
         JOIN users u ON u.id = m.user_id AND u.disabled_at IS NULL
        ORDER BY q.n, m.user_id`,
      [
        scopes.map((s) => s.pairingId),
        scopes.map((s) => s.authorityId ?? null),
        scopes.map((s) => s.side ?? null),
        scopes.map((s) => s.roles?.join(',') ?? null),
      ],
    );
    const members = scopes.map((): string[] => []);
    for (const r of rows) members[Number(r.n) - 1].push(r.user_id);
    return members;
  }

  /** The pairings each of these people belongs to, in pairing id order (no entry: none). */
  async pairingsOfUsers(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const pairings = new Map<string, string[]>();
    if (!userIds.length) return pairings;
    const rows: { user_id: string; pairing_id: string }[] = await this.dataSource.query(
      `SELECT user_id, pairing_id FROM memberships WHERE user_id = ANY($1::uuid[]) ORDER BY user_id, pairing_id`,
      [[...userIds]],
    );
    for (const r of rows) {
      const of = pairings.get(r.user_id);
      if (of) of.push(r.pairing_id);
      else pairings.set(r.user_id, [r.pairing_id]);
    }
    return pairings;
  }

  /** Writes a membership in `db`'s transaction; false when `join` found one there already. */
  async write(
    db: Queryable,
    userId: string,
    pairingId: string,
    place: MembershipPlace,
    how: MembershipWrite,
  ): Promise<boolean> {
    const written = (await db.query(
      `INSERT INTO memberships (user_id, pairing_id, role, authority_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, pairing_id) ${how === 'join' ? 'DO NOTHING' : 'DO UPDATE SET role = excluded.role, authority_id = excluded.authority_id'}
       RETURNING user_id`,
      [userId, pairingId, place.role, place.authorityId],
    )) as unknown[];
    return written.length > 0;
  }
}

/** A pairing's members with enabled accounts, by name (the seed calls it in its transaction). */
export async function pairingMembers(db: Queryable, pairingId: string): Promise<MemberRow[]> {
  type Raw = {
    user_id: string;
    name: string;
    programme_role: ProgrammeRole | null;
    role: PairingRole;
    side: PairingSide | null;
  };
  const rows = (await db.query(
    `SELECT u.id AS user_id, u.name, u.programme_role, m.role,
            (SELECT pa.side FROM pairing_authorities pa WHERE pa.pairing_id = m.pairing_id AND pa.authority_id = m.authority_id) AS side
       FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.pairing_id = $1 AND u.disabled_at IS NULL
      ORDER BY lower(u.name), u.id`,
    [pairingId],
  )) as Raw[];
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    programmeRole: r.programme_role,
    pairingRole: r.role,
    side: r.side,
  }));
}

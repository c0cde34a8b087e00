import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PairingRole, PairingSide, ProgrammeRole } from '@iuc/domain';
import { ACCESS_EPOCH_SQL, readAccessEpoch } from './access-epoch.js';
import type { ResourceLocator, Who } from './resource-locator.js';

/** One row of the batched standing query: the access columns and the locator's own. */
export type StandingRow = Record<string, unknown> & {
  access_found: boolean | null;
  access_user_id: string | null;
  access_user_name: string | null;
  access_programme_role: ProgrammeRole | null;
  access_enabled: boolean | null;
  access_session_expires_at: Date | null;
  access_pairing_role: PairingRole | null;
  access_own_side: boolean | null;
  access_epoch: string;
  pairing_id: string | null;
  side: PairingSide | null;
  authority_id: string | null;
  relations: string[] | null;
};

/** Live sessions among some asked about, and the access epoch they were read at. */
export interface LiveSessions {
  /** Token hash → when the session ends by itself (epoch ms). */
  expiries: Map<string, number>;
  epoch: number;
}

/** A person's memberships: the pairings they belong to and the side each is on. */
export interface MembershipScope {
  pairingId: string;
  role: PairingRole;
  authorityId: string | null;
  side: PairingSide | null;
}

/**
 * The access check's queries: the only reader of memberships outside pairings/. Deciding access
 * for every open connection every few seconds must be one batched statement, so it joins the
 * sessions, users, memberships and sides tables directly, with each kind's locator as a subquery.
 */
@Injectable()
export class AccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One row per item, in order: the person (by id or live session), the object and the standing. */
  standings(
    locator: ResourceLocator,
    items: readonly { who: Who; id: string | null }[],
  ): Promise<StandingRow[]> {
    if (!items.length) return Promise.resolve([]);
    return this.dataSource.query(
      // The epoch is read in the same statement, so from the same snapshot as the standings.
      `SELECT q.n, r.*, u.id AS access_user_id, u.name AS access_user_name, u.programme_role AS access_programme_role,
              CASE WHEN q.session IS NULL THEN u.disabled_at IS NULL
                   ELSE (u.disabled_at IS NULL AND s.expires_at > now()) IS TRUE END AS access_enabled,
              s.expires_at AS access_session_expires_at, m.role AS access_pairing_role,
              (m.authority_id IS NOT NULL AND CASE
                 WHEN r.authority_id IS NOT NULL THEN m.authority_id = r.authority_id
                 WHEN r.side IS NOT NULL THEN EXISTS (
                   SELECT 1 FROM pairing_authorities pa
                    WHERE pa.pairing_id = r.pairing_id AND pa.authority_id = m.authority_id AND pa.side = r.side)
                 ELSE false END) AS access_own_side,
              ${ACCESS_EPOCH_SQL} AS access_epoch
         FROM unnest($1::uuid[], $2::text[], $3::uuid[]) WITH ORDINALITY AS q(user_id, session, id, n)
         LEFT JOIN sessions s ON s.token_hash = q.session
         LEFT JOIN users u ON u.id = COALESCE(q.user_id, s.user_id)
         LEFT JOIN LATERAL (SELECT true AS access_found, l.* FROM (${locator.sql}) l LIMIT 1) r ON true
         LEFT JOIN memberships m ON m.user_id = u.id AND m.pairing_id = r.pairing_id
        ORDER BY q.n`,
      [
        items.map((i) => ('userId' in i.who ? i.who.userId : null)),
        items.map((i) => ('sessionTokenHash' in i.who ? i.who.sessionTokenHash : null)),
        items.map((i) => i.id),
      ],
    );
  }

  /** The person's memberships with the side of each, oldest first. */
  async memberships(userId: string): Promise<MembershipScope[]> {
    const rows: {
      pairing_id: string;
      role: PairingRole;
      authority_id: string | null;
      side: PairingSide | null;
    }[] = await this.dataSource.query(
      `SELECT m.pairing_id, m.role, m.authority_id, pa.side
           FROM memberships m
           LEFT JOIN pairing_authorities pa ON pa.pairing_id = m.pairing_id AND pa.authority_id = m.authority_id
          WHERE m.user_id = $1 ORDER BY m.created_at, m.pairing_id`,
      [userId],
    );
    return rows.map((r) => ({
      pairingId: r.pairing_id,
      role: r.role,
      authorityId: r.authority_id,
      side: r.side,
    }));
  }

  /** Which of these session hashes are live (not expired, account enabled), until when. */
  async liveSessions(tokenHashes: readonly string[]): Promise<LiveSessions> {
    const rows: { token_hash: string | null; expires_at: Date | null; epoch: string }[] =
      await this.dataSource.query(
        // One row at least (the epoch), whatever is live.
        `SELECT s.token_hash, s.expires_at, e.epoch
         FROM (SELECT ${ACCESS_EPOCH_SQL} AS epoch) e
         LEFT JOIN (sessions s JOIN users u ON u.id = s.user_id AND u.disabled_at IS NULL)
           ON s.token_hash = ANY($1::text[]) AND s.expires_at > now()`,
        [tokenHashes],
      );
    const expiries = new Map<string, number>();
    for (const r of rows)
      if (r.token_hash && r.expires_at) expiries.set(r.token_hash, r.expires_at.getTime());
    return { expiries, epoch: Number(rows[0]?.epoch ?? 0) };
  }

  currentEpoch(): Promise<number> {
    return readAccessEpoch(this.dataSource);
  }
}

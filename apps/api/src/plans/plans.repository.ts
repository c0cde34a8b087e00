import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import type { PairingRole, ProgrammeRole } from '@iuc/domain';
import { PlanEntity } from './plan.entity.js';
import { ACCESS_EPOCH_SQL, readAccessEpoch } from '../database/access-epoch.js';

/** A session's person's standing towards one plan, as stored. */
export interface PlanStandingRow {
  planFound: boolean;
  /** The session's person ('' when the session is unknown). */
  userId: string;
  userName: string;
  programmeRole: ProgrammeRole | null;
  pairingRole: PairingRole | null;
  memberAuthorityId: string | null;
  planAuthorityId: string;
  planStatus: PlanEntity['status'];
  /** Whether the session is still live and the account enabled. */
  sessionLive: boolean;
  /** When the session ends by itself (null when there is no such session). */
  sessionExpiresAt: Date | null;
  /** The access epoch this standing was read at (see the access-epoch migration). */
  accessEpoch: number;
}

export interface PlanMembershipRow {
  role: PairingRole;
  authorityId: string | null;
}

@Injectable()
export class PlansRepository {
  constructor(
    @InjectRepository(PlanEntity) private readonly plans: Repository<PlanEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  findById(id: string): Promise<PlanEntity | null> {
    return this.plans.findOneBy({ id });
  }

  findByPairing(pairingId: string): Promise<PlanEntity[]> {
    return this.plans.find({ where: { pairingId }, order: { createdAt: 'ASC' } });
  }

  /** The person's membership in a pairing: role and the city side they work for. */
  async membership(userId: string, pairingId: string): Promise<PlanMembershipRow | null> {
    const rows: { role: PairingRole; authority_id: string | null }[] = await this.dataSource.query(
      'SELECT role, authority_id FROM memberships WHERE user_id = $1 AND pairing_id = $2',
      [userId, pairingId],
    );
    return rows[0] ? { role: rows[0].role, authorityId: rows[0].authority_id } : null;
  }

  /**
   * Standing of many (session, plan) pairs in one query: at connect (the session's person too,
   * so that a connection costs one query) and to recheck every open collab connection. Every
   * pair answers: `sessionLive` false for an unknown, expired or disabled session, `planFound`
   * false for an unknown plan.
   */
  async standings(items: readonly { sessionTokenHash: string; planId: string }[]): Promise<PlanStandingRow[]> {
    if (!items.length) return [];
    const rows: {
      n: string;
      plan_id: string | null;
      user_id: string | null;
      user_name: string | null;
      programme_role: ProgrammeRole | null;
      pairing_role: PairingRole | null;
      member_authority_id: string | null;
      plan_authority_id: string | null;
      plan_status: PlanEntity['status'] | null;
      session_live: boolean;
      session_expires_at: Date | null;
      access_epoch: string;
    }[] = await this.dataSource.query(
      // The epoch is read in the same statement, so from the same snapshot as the standings.
      `SELECT q.n, p.id AS plan_id, u.id AS user_id, u.name AS user_name, u.programme_role, m.role AS pairing_role,
              m.authority_id AS member_authority_id, p.authority_id AS plan_authority_id, p.status AS plan_status,
              (u.disabled_at IS NULL AND s.expires_at > now()) IS TRUE AS session_live,
              s.expires_at AS session_expires_at,
              ${ACCESS_EPOCH_SQL} AS access_epoch
         FROM unnest($1::text[], $2::uuid[]) WITH ORDINALITY AS q(session, plan_id, n)
         LEFT JOIN sessions s ON s.token_hash = q.session
         LEFT JOIN users u ON u.id = s.user_id
         LEFT JOIN plans p ON p.id = q.plan_id
         LEFT JOIN memberships m ON m.user_id = u.id AND m.pairing_id = p.pairing_id
        ORDER BY q.n`,
      [items.map((i) => i.sessionTokenHash), items.map((i) => i.planId)],
    );
    return rows.map((r) => ({
      planFound: r.plan_id !== null,
      userId: r.user_id ?? '',
      userName: r.user_name ?? '',
      programmeRole: r.programme_role,
      pairingRole: r.pairing_role,
      memberAuthorityId: r.member_authority_id,
      planAuthorityId: r.plan_authority_id ?? '',
      planStatus: r.plan_status ?? 'draft',
      sessionLive: r.session_live,
      sessionExpiresAt: r.session_expires_at,
      accessEpoch: Number(r.access_epoch),
    }));
  }

  /** The current access epoch: moves on with every change that can take access away. */
  accessEpoch(): Promise<number> {
    return readAccessEpoch(this.dataSource);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ResourceCitationDto } from '@iuc/domain';
import { readableScopeSql, type ReadableScopes } from '../access/readable-scopes.js';
import { PlanEntity } from './plan.entity.js';

/** How many citing actions one answer lists at most. */
const CITATIONS_LIMIT = 200;

@Injectable()
export class PlansRepository {
  constructor(@InjectRepository(PlanEntity) private readonly plans: Repository<PlanEntity>) {}

  findById(id: string): Promise<PlanEntity | null> {
    return this.plans.findOneBy({ id });
  }

  findByPairing(pairingId: string): Promise<PlanEntity[]> {
    return this.plans.find({ where: { pairingId }, order: { createdAt: 'ASC' } });
  }

  /**
   * The actions (of plans in the given readable scopes: planRights lets every member of a pairing
   * read its plans) whose `inspired_by` names the library item, by plan title and action order.
   */
  async actionsCiting(resourceId: string, scopes: ReadableScopes): Promise<ResourceCitationDto[]> {
    const scope = readableScopeSql(
      scopes,
      { pairing: 'p.pairing_id', side: 'NULL::text', authority: 'p.authority_id' },
      3,
    );
    const rows: {
      plan_id: string;
      pairing_id: string;
      plan_title: string;
      action_id: string;
      action_title: string;
    }[] = await this.plans.query(
      `SELECT p.id AS plan_id, p.pairing_id, p.title AS plan_title, a.action_id, a.title AS action_title
         FROM plan_action_rows a JOIN plans p ON p.id = a.plan_id
        WHERE a.inspired_by @> ARRAY[$1::uuid] AND ${scope.inPairing}
        ORDER BY p.title, p.id, a.position LIMIT $2`,
      // Only `inPairing` is used: only its parameter (the pairings) is passed.
      [resourceId, CITATIONS_LIMIT, ...scope.params.slice(0, 1)],
    );
    return rows.map((r) => ({
      planId: r.plan_id,
      pairingId: r.pairing_id,
      planTitle: r.plan_title,
      actionId: r.action_id,
      actionTitle: r.action_title,
    }));
  }
}

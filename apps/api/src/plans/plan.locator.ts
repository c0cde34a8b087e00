import {
  planRights,
  type AccessPermission,
  type PlanRights,
  type PlanStanding,
  type Standing,
} from '@iuc/domain';
import type { ResourceLocator } from '../access/resource-locator.js';
import type { PlanEntity } from './plan.entity.js';

/** What the access service hands back about a plan. */
export interface LocatedPlan {
  id: string;
  pairingId: string;
  /** The plan's city: its coordinators and editors write it. */
  authorityId: string;
  status: PlanEntity['status'];
}

/** The plan rule's standing: whether the person works for the plan's city comes from the scope. */
export function planStanding(s: Standing): PlanStanding {
  return {
    programmeRole: s.programmeRole,
    pairingRole: s.pairingRole,
    ownSide: s.ownSide ?? false,
  };
}

const RIGHT: Partial<Record<AccessPermission, (r: PlanRights) => boolean>> = {
  'plan.read': (r) => r.read,
  'plan.versions.manage': (r) => r.manageVersions,
  'plan.transition': (r) => r.transitions.length > 0,
};

/** A plan, for the access service: it belongs to one city of its pairing; planRights decides. */
export const PLAN_LOCATOR: ResourceLocator<LocatedPlan> = {
  kind: 'plan',
  sql: `SELECT p.pairing_id, NULL::text AS side, p.authority_id, '{}'::text[] AS relations, p.id AS plan_id, p.status AS plan_status
          FROM plans p WHERE p.id = q.id`,
  toResource: (row) => ({
    id: row.plan_id as string,
    pairingId: row.pairing_id as string,
    authorityId: row.authority_id as string,
    status: row.plan_status as PlanEntity['status'],
  }),
  // A plan the person may not read answers 404, like one that does not exist: ids cannot be probed.
  visible: (standing, plan) => planRights(planStanding(standing), plan.status).read,
  allows: (standing, plan, permission) =>
    RIGHT[permission]?.(planRights(planStanding(standing), plan.status)) ?? false,
  notFound: 'Plan not found.',
};

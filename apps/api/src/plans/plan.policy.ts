import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import {
  planRights,
  PLAN_STATUSES,
  type PlanRights,
  type PlanStanding,
  type PlanStatus,
} from '@iuc/domain';
import { AccessService } from '../access/access.service.js';
import type { Actor } from '../access/actor.js';
import type { PlanEntity } from './plan.entity.js';
import { PlansRepository } from './plans.repository.js';
import { planStanding } from './plan.locator.js';
import { statusLabel } from './plan-status.js';

export interface OpenedPlan {
  plan: PlanEntity;
  standing: PlanStanding;
  rights: PlanRights;
}

const NOT_FOUND = 'Plan not found.';

/**
 * Who may do what with plans: `planRights` from the actor's standing (programme role, role in the
 * plan's pairing, and whether they work for the plan's city). A plan the actor may not read
 * answers 404, like one that does not exist, so plan ids cannot be probed.
 */
@Injectable()
export class PlanPolicy {
  constructor(
    private readonly plans: PlansRepository,
    private readonly access: AccessService,
  ) {}

  /** The plan and the actor's rights on it; 404 when unknown or unreadable. */
  async open(actor: Actor, planId: string): Promise<OpenedPlan> {
    const plan = await this.plans.findById(planId);
    if (!plan) throw new NotFoundException(NOT_FOUND);
    const found = (await this.access.standings(actor, 'plan', [plan.id])).get(plan.id);
    // Absent only when the plan was deleted meanwhile.
    const standing = found ? planStanding(found) : null;
    const rights = standing && planRights(standing, plan.status);
    if (!standing || !rights?.read) throw new NotFoundException(NOT_FOUND);
    return { plan, standing, rights };
  }

  /** Like `open`, and 403 unless the actor may save and restore versions now. */
  async openToManageVersions(actor: Actor, planId: string): Promise<OpenedPlan> {
    const opened = await this.open(actor, planId);
    if (!opened.rights.manageVersions) {
      // Tell the people who write the plan that it is frozen, everyone else that it is not theirs.
      const writer = planRights(opened.standing, 'draft').manageVersions;
      throw new ForbiddenException(
        writer
          ? `The plan is ${statusLabel(opened.plan.status)}: versions are saved and restored while it is a draft or changes are requested.`
          : "Only the plan city's coordinators and editors may save and restore versions.",
      );
    }
    return opened;
  }

  /**
   * The plans of a pairing with the actor's rights on each: 404 for an unknown pairing (existence
   * is no secret: the directory is open), 403 when the actor may read none of its plans.
   */
  async listReadable(actor: Actor, pairingId: string): Promise<OpenedPlan[]> {
    await this.access.require(actor, 'directory.read', 'pairing', [pairingId]);
    const [plans, pairing] = await Promise.all([
      this.plans.findByPairing(pairingId),
      this.access.standings(actor, 'pairing', [pairingId]),
    ]);
    const standing = {
      programmeRole: actor.programmeRole,
      pairingRole: pairing.get(pairingId)?.pairingRole ?? null,
      ownSide: false,
    };
    // Reading does not depend on the side or the status: ask planRights once for the pairing.
    if (!planRights(standing, 'draft').read) {
      throw new ForbiddenException(
        "Only the pairing's members and programme staff may read its plans.",
      );
    }
    const standings = await this.access.standings(
      actor,
      'plan',
      plans.map((p) => p.id),
    );
    return plans
      .flatMap((plan) => {
        const found = standings.get(plan.id);
        if (!found) return [];
        const standing = planStanding(found);
        return [{ plan, standing, rights: planRights(standing, plan.status) }];
      })
      .filter((p) => p.rights.read);
  }

  /**
   * Whether the actor may ever move a plan to `to` (from some status): tells "not yours to do"
   * (403) from "not now" (409).
   */
  mayEverMoveTo(standing: PlanStanding, to: PlanStatus): boolean {
    return PLAN_STATUSES.some((status) => planRights(standing, status).transitions.includes(to));
  }
}

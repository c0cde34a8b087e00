import { Injectable } from '@nestjs/common';
import {
  checkSubmission,
  type PlanDetailDto,
  type PlanSummaryDto,
  type ResourceCitationDto,
} from '@iuc/domain';
import { AccessService, type Person } from '../access/access.service.js';
import type { Actor } from '../access/actor.js';
import { DirectoryService } from '../directory/directory.service.js';
import { PlanDocuments } from './documents/plan-documents.js';
import { PlanPolicy } from './plan.policy.js';
import { PlansRepository } from './plans.repository.js';
import { toPlanDetail, toPlanSummary } from './plans.mappers.js';

@Injectable()
export class PlansService {
  constructor(
    private readonly policy: PlanPolicy,
    private readonly documents: PlanDocuments,
    private readonly directory: DirectoryService,
    private readonly plans: PlansRepository,
    private readonly access: AccessService,
  ) {}

  /**
   * The plan actions that cite a library item (Action.inspired_by), of the plans the actor may
   * read only: for the library, which shows them on the item.
   */
  async actionsCiting(resourceId: string, actor: Person): Promise<ResourceCitationDto[]> {
    return this.plans.actionsCiting(resourceId, await this.access.readableScopes(actor));
  }

  /** The pairing's plans the actor may read (one per city side). */
  async listForPairing(actor: Actor, pairingId: string): Promise<PlanSummaryDto[]> {
    const readable = await this.policy.listReadable(actor, pairingId);
    return readable.map(({ plan }) => toPlanSummary(plan));
  }

  /** One plan: the template, what the actor may do and the submission check on its current content. */
  async detail(actor: Actor, planId: string): Promise<PlanDetailDto> {
    const { plan, rights } = await this.policy.open(actor, planId);
    const [authorities, content] = await Promise.all([
      this.directory.authoritiesByIds([plan.authorityId]),
      this.documents.content(plan.id),
    ]);
    const authority = authorities.get(plan.authorityId);
    // The foreign key guarantees the authority; a miss is a bug, not a 404.
    if (!authority) throw new Error(`authority ${plan.authorityId} of plan ${plan.id} is missing`);
    return toPlanDetail(plan, { authority, rights, submission: checkSubmission(content) });
  }
}

import { Injectable } from '@nestjs/common';
import type { ResourceCitationDto } from '@iuc/domain';
import type { Actor } from '../../access/actor.js';
import { PlansService } from '../../plans/plans.service.js';
import { ResourcePolicy } from '../items/resource.policy.js';

/** The plan actions inspired by an item, as far as the caller may read those plans. */
@Injectable()
export class ResourceCitationsService {
  constructor(
    private readonly policy: ResourcePolicy,
    private readonly plans: PlansService,
  ) {}

  async list(actor: Actor, id: string): Promise<ResourceCitationDto[]> {
    await this.policy.open(actor, id);
    return this.plans.actionsCiting(id, actor);
  }
}

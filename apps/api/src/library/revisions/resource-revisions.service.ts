import { Injectable } from '@nestjs/common';
import type { ResourceRevisionDto } from '@iuc/domain';
import type { Actor } from '../../access/actor.js';
import { UsersService } from '../../auth/users/users.service.js';
import { ResourcePolicy } from '../items/resource.policy.js';
import { ResourceRevisionsRepository } from './resource-revisions.repository.js';

/** More revisions than an item gathers in years of editing: the history answers in one page. */
const HISTORY_LIMIT = 500;

/** An item's history: who changed which fields, from what to what, when. */
@Injectable()
export class ResourceRevisionsService {
  constructor(
    private readonly policy: ResourcePolicy,
    private readonly revisions: ResourceRevisionsRepository,
    private readonly users: UsersService,
  ) {}

  async list(actor: Actor, id: string): Promise<ResourceRevisionDto[]> {
    await this.policy.open(actor, id);
    const revisions = await this.revisions.list(id, HISTORY_LIMIT);
    // The editors' names from auth, which owns them: one query for the whole history.
    const names = await this.users.namesByIds(revisions.map((r) => r.actorId));
    return revisions.map((r) => ({
      id: r.id,
      actor: { id: r.actorId, name: names.get(r.actorId) ?? '' },
      at: r.createdAt.toISOString(),
      changes: r.changes,
    }));
  }
}

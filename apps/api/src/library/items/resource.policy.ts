import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { ResourceRights, ResourceState, Standing } from '@iuc/domain';
import { AccessService, type Person } from '../../access/access.service.js';
import { RESOURCE_LOCATOR, rightsOn } from '../resource.locator.js';
import { ResourcesRepository, type ResourceRow } from './resources.repository.js';

export interface OpenedResource {
  row: ResourceRow;
  standing: Standing;
  rights: ResourceRights;
}

export function stateOf(row: ResourceRow): ResourceState {
  return { level: row.scopeLevel, status: row.status, deleted: row.deletedAt !== null };
}

/**
 * Who may do what with one library item: resourceRights on the standing the access service
 * resolves. An item the actor may not read answers 404, like one that does not exist.
 */
@Injectable()
export class ResourcePolicy {
  constructor(
    private readonly items: ResourcesRepository,
    private readonly access: AccessService,
  ) {}

  /** The item and the actor's rights on it; 404 when unknown or not readable. */
  async open(actor: Person, id: string): Promise<OpenedResource> {
    const [row, standings] = await Promise.all([
      this.items.find(id),
      this.access.standings(actor, 'resource', [id]),
    ]);
    const standing = standings.get(id);
    const rights = row && standing ? rightsOn(standing, stateOf(row)) : null;
    if (!row || !standing || !rights?.read) throw new NotFoundException(RESOURCE_LOCATOR.notFound);
    return { row, standing, rights };
  }

  /** Like `open`, and 403 unless the actor holds `right` on it. */
  async openTo(actor: Person, id: string, right: keyof ResourceRights): Promise<OpenedResource> {
    const opened = await this.open(actor, id);
    if (!opened.rights[right])
      throw new ForbiddenException(`You are not allowed to do this (resource.${right}).`);
    return opened;
  }

  /** Each item's standing for the actor (for the rights of many at once). */
  standings(actor: Person, ids: readonly string[]): Promise<Map<string, Standing>> {
    return this.access.standings(actor, 'resource', ids);
  }
}

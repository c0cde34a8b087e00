import {
  resourceRights,
  type AccessPermission,
  type ResourceRights,
  type ResourceScopeLevel,
  type ResourceStanding,
  type ResourceState,
  type ResourceStatus,
  type Standing,
} from '@iuc/domain';
import type { ResourceLocator } from '../access/resource-locator.js';

/** What the access service hands back about a library item. */
export interface LocatedResource extends ResourceState {
  id: string;
}

/** The library rule's standing: `ownSide` from the side item's city, `author` from the relations. */
export function resourceStanding(s: Standing): ResourceStanding {
  return {
    programmeRole: s.programmeRole,
    pairingRole: s.pairingRole,
    ownSide: s.ownSide ?? false,
    author: s.relations?.has('author') ?? false,
  };
}

export function rightsOn(s: Standing, r: ResourceState): ResourceRights {
  return resourceRights(resourceStanding(s), r);
}

const RIGHT: Partial<Record<AccessPermission, keyof ResourceRights>> = {
  'resource.read': 'read',
  'resource.edit': 'edit',
  'resource.review': 'review',
  'resource.feature': 'feature',
  'resource.restore': 'restore',
};

/**
 * A library item, for the access service: a programme item sits nowhere (all null), a pairing item
 * in its pairing, a side item in its pairing with its city as `authority_id` (so the service
 * computes `ownSide`); its author holds the relation 'author'. resourceRights decides.
 */
export const RESOURCE_LOCATOR: ResourceLocator<LocatedResource> = {
  kind: 'resource',
  sql: `SELECT r.pairing_id, NULL::text AS side,
               CASE WHEN r.scope_level = 'side' THEN r.authority_id END AS authority_id,
               CASE WHEN r.author_id = u.id THEN '{author}'::text[] ELSE '{}'::text[] END AS relations,
               r.id AS resource_id, r.scope_level AS resource_level, r.status AS resource_status,
               (r.deleted_at IS NOT NULL) AS resource_deleted
          FROM resources r WHERE r.id = q.id`,
  toResource: (row) => ({
    id: row.resource_id as string,
    level: row.resource_level as ResourceScopeLevel,
    status: row.resource_status as ResourceStatus,
    deleted: row.resource_deleted as boolean,
  }),
  // An item the person may not read answers 404, like one that does not exist: ids cannot be probed.
  visible: (standing, item) => rightsOn(standing, item).read,
  allows: (standing, item, permission) => {
    const right = RIGHT[permission];
    return right !== undefined && rightsOn(standing, item)[right];
  },
  notFound: 'Library item not found.',
};

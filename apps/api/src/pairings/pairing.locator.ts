import { can, isMatrixPermission } from '@iuc/domain';
import type { ResourceLocator } from '../access/resource-locator.js';

/** A pairing, for the access service: the role matrix decides, on the person's role in it. */
export const PAIRING_LOCATOR: ResourceLocator<{ id: string }> = {
  kind: 'pairing',
  sql: `SELECT p.id AS pairing_id, NULL::text AS side, NULL::uuid AS authority_id, '{}'::text[] AS relations
          FROM pairings p WHERE p.id = q.id`,
  toResource: (row) => ({ id: row.pairing_id as string }),
  // The programme directory is open to every signed-in person: a pairing's existence is no secret.
  visible: () => true,
  allows: (standing, _, permission) => isMatrixPermission(permission) && can(standing, permission),
  notFound: 'Pairing not found.',
};

import type { AccessPermission, Scope, Standing } from '@iuc/domain';

/**
 * How the access service finds one kind of object: registered by the module that owns the object
 * (at its init), so that access never imports the modules it decides for.
 *
 * `sql` selects, for the object `q.id` (a uuid) and the person `u.id` (null when unknown), one row or none, with
 * the columns `pairing_id` (uuid, null for a programme-wide object), `side` (text, null unless the
 * object belongs to one side), `authority_id` (uuid, null unless it belongs to one city) and
 * `relations` (text[], the relations `u.id` holds to it; '{}' when the kind has none), and any
 * further columns the module wants back (prefixed names `access_*` are taken). It runs as a
 * lateral subquery of the access service's one batched statement.
 */
export interface ResourceLocator<R = unknown> {
  kind: string;
  sql: string;
  /** The module's view of the object, from the row's columns. */
  toResource(row: Record<string, unknown>): R;
  /** Whether the person may know the object exists: when not, `require` answers 404 for it. */
  visible(standing: Standing, resource: R): boolean;
  /** The object's own rule (in libs/domain) for `permission`. */
  allows(standing: Standing, resource: R, permission: AccessPermission): boolean;
  /** The 404's message. */
  notFound: string;
}

/** Who is asked about: a person, or the person of a session (which must be live). */
export type Who = { userId: string } | { sessionTokenHash: string };

/** What the access service found out about one (person, object) pair. */
export interface Resolution<R = unknown> {
  /** The person; null when unknown. `enabled` is false for a disabled account or an ended session. */
  person: { userId: string; name: string; enabled: boolean; sessionExpiresAt: Date | null } | null;
  /** The object and where it sits; null when it does not exist. */
  resource: R | null;
  scope: Scope | null;
  /** The person's standing towards the object (fresh programme role, role in its pairing…). */
  standing: Standing;
  /** The access epoch the resolution was read at (see access/access-epoch.ts). */
  epoch: number;
}

/**
 * Who may do what. The one role matrix shared by the API (which enforces it) and the web client
 * (which hides what the API would refuse).
 */

import type { PairingSide } from './taxonomies.js';

export const PROGRAMME_ROLES = ['admin', 'officer'] as const;
export type ProgrammeRole = (typeof PROGRAMME_ROLES)[number];

/** Roles inside one pairing. Coordinators and editors belong to one city side; viewers may too. */
export const PAIRING_ROLES = ['coordinator', 'editor', 'viewer'] as const;
export type PairingRole = (typeof PAIRING_ROLES)[number];

export const PERMISSIONS = [
  /** Browse the programme directory: authorities, groups, pairings and who works on them. */
  'directory.read',
  /** See a pairing's member contact details (emails). */
  'pairing.members.contact',
  /** Invite someone into a pairing (with a role no higher than the inviter may grant). */
  'pairing.invite',
  /** Change a pairing's data, memberships and status. */
  'pairing.manage',
  /** Read the mail outbox (mail written while no SMTP transport is configured). */
  'mail.outbox.read',
  /** Disable or enable accounts. */
  'user.manage',
  /** Open a pairing's discussion channels: history, presence, typing (city-internal ones only for that side). */
  'discussion.read',
  /** Write in a pairing's channels: messages, replies, reactions; edit or delete one's own messages. */
  'discussion.post',
  /** Create, rename and archive a pairing's topic channels. */
  'discussion.channel.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Permissions an object's own rule decides (planRights, channelRights), beyond the role matrix:
 * what a route declares and the access service asks the object's module about.
 */
export const RESOURCE_PERMISSIONS = [
  'plan.read',
  'plan.versions.manage',
  'plan.transition',
  'plan.review',
  'channel.read',
  'channel.post',
  'channel.manage',
  /** Library items (resourceRights): see one, change or delete it, review it, restore it. */
  'resource.read',
  'resource.edit',
  'resource.review',
  'resource.feature',
  'resource.restore',
] as const;
export type ResourcePermission = (typeof RESOURCE_PERMISSIONS)[number];
export type AccessPermission = Permission | ResourcePermission;

/**
 * What a person is, relative to one object: their programme role, their role in its pairing, and
 * (filled by the access service from the object's scope) whether they work for the object's side
 * and which relations they hold to it. A rule reads what it needs: the role matrix reads the roles
 * only; a side-private object reads `ownSide`; an application or a call reads `relations`.
 */
export interface Standing {
  programmeRole: ProgrammeRole | null;
  pairingRole: PairingRole | null;
  /**
   * Whether the person's membership is on the object's city side (its city, or one of its side's
   * cities). False for objects of the whole pairing or the programme, and for whole-pairing members.
   */
  ownSide?: boolean;
  /**
   * Relations the object's module found between the person and the object, named by that module
   * ('applicant' of an application, 'reviewer' of a call, 'author' of a resource…).
   */
  relations?: ReadonlySet<string>;
}

/**
 * Where an object sits, for deciding who may see it: in the programme (no pairing), in a pairing
 * (no side), or on one side of a pairing, named by its side or by its one city.
 */
export interface Scope {
  pairingId: string | null;
  side: PairingSide | null;
  /** The object's one city (a plan's), when it belongs to a city rather than a whole side. */
  authorityId: string | null;
}

type Grant = { programme: readonly ProgrammeRole[]; pairing: readonly PairingRole[] };

/** The matrix: for each permission, the programme roles and pairing roles that hold it. */
export const ROLE_MATRIX: Record<Permission, Grant> = {
  'directory.read': {
    programme: ['admin', 'officer'],
    pairing: ['coordinator', 'editor', 'viewer'],
  },
  'pairing.members.contact': {
    programme: ['admin', 'officer'],
    pairing: ['coordinator', 'editor', 'viewer'],
  },
  'pairing.invite': { programme: ['admin', 'officer'], pairing: ['coordinator'] },
  'pairing.manage': { programme: ['admin', 'officer'], pairing: [] },
  'mail.outbox.read': { programme: ['admin'], pairing: [] },
  'user.manage': { programme: ['admin'], pairing: [] },
  'discussion.read': {
    programme: ['admin', 'officer'],
    pairing: ['coordinator', 'editor', 'viewer'],
  },
  'discussion.post': {
    programme: ['admin', 'officer'],
    pairing: ['coordinator', 'editor', 'viewer'],
  },
  'discussion.channel.manage': { programme: ['admin', 'officer'], pairing: ['coordinator'] },
};

/**
 * Permissions every signed-in person holds whatever their standing (the programme directory is
 * open to everyone in the programme, so that cities can find each other).
 */
export const SIGNED_IN_PERMISSIONS: readonly Permission[] = ['directory.read'];

export function can(standing: Standing, permission: Permission): boolean {
  if (SIGNED_IN_PERMISSIONS.includes(permission)) return true;
  const grant = ROLE_MATRIX[permission];
  if (standing.programmeRole && grant.programme.includes(standing.programmeRole)) return true;
  return standing.pairingRole !== null && grant.pairing.includes(standing.pairingRole);
}

/** Higher is more: a coordinator can do all an editor can, an editor all a viewer can. */
export const PAIRING_ROLE_RANK: Record<PairingRole, number> = {
  viewer: 1,
  editor: 2,
  coordinator: 3,
};

/**
 * Programme staff review every pairing's plans, so they hold no role inside a pairing: an officer
 * who were a city's coordinator could submit that city's plan and approve it too.
 */
export function mayHoldPairingRole(programmeRole: ProgrammeRole | null): boolean {
  return programmeRole === null;
}

/** Which pairing roles a person may hand out by invitation. */
export function grantableRoles(standing: Standing): PairingRole[] {
  if (standing.programmeRole) return [...PAIRING_ROLES];
  if (standing.pairingRole === 'coordinator') return ['editor', 'viewer'];
  return [];
}

/** Whether a permission is one of the role matrix's (not decided by an object's own rule). */
export function isMatrixPermission(permission: AccessPermission): permission is Permission {
  return (PERMISSIONS as readonly string[]).includes(permission);
}

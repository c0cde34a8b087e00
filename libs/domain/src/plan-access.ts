/**
 * Who may read and edit a Local Action Plan. A plan belongs to one city side: that side's
 * coordinators and editors write it; everyone else in the pairing (the partner city, viewers) and
 * programme staff read it; review steps follow PLAN_TRANSITIONS.
 */
import type { PairingRole, ProgrammeRole } from './roles.js';
import type { PlanStatus } from './plan-template.js';
import { PLAN_TRANSITIONS } from './plan-template.js';

export interface PlanStanding {
  programmeRole: ProgrammeRole | null;
  /** The person's role in the plan's pairing, if any. */
  pairingRole: PairingRole | null;
  /** Whether the person works for the plan's city (membership authority = plan authority). */
  ownSide: boolean;
}

export interface PlanRights {
  read: boolean;
  edit: boolean;
  /** Save named versions and restore them. */
  manageVersions: boolean;
  /** Statuses the person may move the plan to from `status`. */
  transitions: PlanStatus[];
}

/**
 * Whether a member works for a plan's city: their membership's authority is the plan's. Members of
 * the whole pairing (no authority) work for neither city.
 */
export function worksForPlanCity(
  memberAuthorityId: string | null | undefined,
  planAuthorityId: string,
): boolean {
  return memberAuthorityId != null && memberAuthorityId === planAuthorityId;
}

export function planRights(s: PlanStanding, status: PlanStatus): PlanRights {
  const staff = s.programmeRole !== null;
  const read = staff || s.pairingRole !== null;
  const writer = s.ownSide && (s.pairingRole === 'coordinator' || s.pairingRole === 'editor');
  // A plan under review or adopted is frozen; changes requested reopens it.
  const open = status === 'draft' || status === 'changes_requested';
  const coordinator = s.ownSide && s.pairingRole === 'coordinator';
  const transitions = PLAN_TRANSITIONS.filter(
    (t) => t.from === status && (t.by === 'city' ? coordinator && !staff : mayReview(s)),
  ).map((t) => t.to);
  return { read, edit: writer && open, manageVersions: writer && open, transitions };
}

/**
 * Programme staff give the verdicts, unless they are members of the plan's pairing: no one judges
 * a plan they could write or submit (staff hold no pairing role; this guards older memberships).
 */
export function mayReview(s: PlanStanding): boolean {
  return s.programmeRole !== null && s.pairingRole === null;
}

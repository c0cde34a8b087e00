import type { IncomingMessage } from 'node:http';
import type { AccessDecision } from '../common/access-decision.js';

export type { AccessDecision };

/** Who holds a collab connection, and in which mode. */
export interface CollabGrant {
  userId: string;
  name: string;
  /** Session the connection was opened with; ending it closes the connection. */
  sessionTokenHash: string;
  docName: string;
  canEdit: boolean;
  /**
   * The access epoch the grant was decided at, and when its session ends by itself: while the
   * epoch has not moved and the session has not expired, the grant stands without asking again.
   */
  decidedAt: AccessDecision;
}

/** A re-check's answer for one grant: the edit right now, or null when access is gone. */
export type AccessVerdict = { canEdit: boolean; decidedAt: AccessDecision } | null;

export type CollabAuthorisation =
  { ok: true; grant: CollabGrant } | { ok: false; closeCode: number; reason: string };

/**
 * The questions the sync server asks about access. Implemented by the module that owns the
 * documents (plans), using the session and the one access check.
 */
export interface CollabAccess {
  /** At connect: the session cookie or `?token=`, and the document asked for. */
  authorise(request: IncomingMessage, docName: string): Promise<CollabAuthorisation>;
  /**
   * Again, for open connections (batched): for each grant, its current edit right, or null when
   * access is gone (membership removed, account disabled, session ended).
   */
  recheck(grants: readonly CollabGrant[]): Promise<AccessVerdict[]>;
  /** The current access epoch (one small read): grants decided before it are stale. */
  currentEpoch(): Promise<number>;
}

export const COLLAB_ACCESS = Symbol('COLLAB_ACCESS');

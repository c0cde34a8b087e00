import type { IncomingMessage } from 'node:http';

/** Who holds a collab connection, and in which mode. */
export interface CollabGrant {
  userId: string;
  name: string;
  /** Session the connection was opened with; ending it closes the connection. */
  sessionTokenHash: string;
  docName: string;
  canEdit: boolean;
}

export type CollabAuthorisation =
  | { ok: true; grant: CollabGrant }
  | { ok: false; closeCode: number; reason: string };

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
  recheck(grants: readonly CollabGrant[]): Promise<(boolean | null)[]>;
}

export const COLLAB_ACCESS = Symbol('COLLAB_ACCESS');

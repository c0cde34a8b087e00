import { Injectable } from '@nestjs/common';
import * as Y from 'yjs';
import { planDocumentName, type PlanContent, type PlanSectionKey } from '@iuc/domain';
import { CollabServer } from '../../collab/collab.server.js';
import { readPlanContent } from './plan-content.js';
import { docFromState, restoreUpdate } from '../versions/plan-restore.js';

export interface PlanSnapshot {
  content: PlanContent;
  /** The whole document state (Y.encodeStateAsUpdate), as a version stores it. */
  state: Uint8Array;
}

/** A plan's collaborative document, as the REST side reads and changes it (through the sync server). */
@Injectable()
export class PlanDocuments {
  constructor(private readonly collab: CollabServer) {}

  content(planId: string): Promise<PlanContent> {
    return this.collab.read(planDocumentName(planId), readPlanContent);
  }

  /** Content and state read together, so that both describe the same moment. */
  snapshot(planId: string): Promise<PlanSnapshot> {
    return this.collab.read(planDocumentName(planId), (doc) => ({
      content: readPlanContent(doc),
      state: Y.encodeStateAsUpdate(doc),
    }));
  }

  /** Applies the plan's current rights to its open connections at once (after a status change). */
  refreshAccess(planId: string): Promise<void> {
    return this.collab.refreshAccess(planDocumentName(planId));
  }

  /**
   * Writes a version's content back as a new change, made durable and relayed to every open editor
   * by the sync server. Returns whether anything changed.
   */
  async restore(
    planId: string,
    versionState: Uint8Array,
    section?: PlanSectionKey,
  ): Promise<boolean> {
    const docName = planDocumentName(planId);
    const version = docFromState(versionState);
    try {
      const update = await this.collab.read(docName, (current) =>
        restoreUpdate(current, version, section),
      );
      if (update) await this.collab.applyUpdate(docName, update);
      return update !== null;
    } finally {
      version.destroy();
    }
  }
}

/** The content of a stored version. */
export function versionContent(state: Uint8Array): PlanContent {
  const doc = docFromState(state);
  try {
    return readPlanContent(doc);
  } finally {
    doc.destroy();
  }
}

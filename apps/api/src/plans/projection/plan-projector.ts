import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type * as Y from 'yjs';
import type { PlanContent } from '@iuc/domain';
import type { DocumentObserver } from '../../collab/document-observer.js';
import { EventBus } from '../../events/event-bus.js';
import { readPlanContent } from '../documents/plan-content.js';
import { planIdOfDocument } from '../documents/plan-document-name.js';
import { PlanProjectionRepository, projectionValues } from './plan-projection.repository.js';

/** Keeps a plan's projections (text, JSON, action rows) in step with its document. */
@Injectable()
export class PlanProjector implements DocumentObserver {
  /**
   * Digest of the values this instance last wrote per plan: a change that leaves the projection as
   * it was (e.g. formatting, or a second notification for the same content) costs no write.
   */
  private readonly written = new Map<string, string>();

  constructor(
    private readonly projections: PlanProjectionRepository,
    private readonly events: EventBus,
  ) {}

  observes(docName: string): boolean {
    return planIdOfDocument(docName) !== null;
  }

  async documentChanged(docName: string, doc: Y.Doc): Promise<void> {
    const planId = planIdOfDocument(docName);
    if (planId) await this.project(planId, readPlanContent(doc));
  }

  async project(planId: string, content: PlanContent): Promise<void> {
    // Derived data, rebuilt from the durable document on the next change: no need to wait for the
    // WAL flush, which would otherwise compete with the update log's commits (see the repository).
    const values = projectionValues(planId, content);
    const hash = createHash('sha1');
    // The values are strings already (JSON among them): hashed as they are, not stringified again.
    for (const value of values) hash.update(value).update('\0');
    const digest = hash.digest('base64');
    if (this.written.get(planId) === digest) return;
    this.written.delete(planId);
    await this.projections.write(values);
    this.written.set(planId, digest);
    await this.events.publish('plan.text-changed', { planId });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ResourceReviewAction, ResourceStatus } from '@iuc/domain';
import type { Queryable } from '../../database/queryable.js';

export interface ReviewStepRow {
  id: string;
  resourceId: string;
  action: ResourceReviewAction | 'submit';
  status: ResourceStatus;
  comment: string | null;
  actorId: string;
  createdAt: Date;
}

export type NewReviewStep = Pick<
  ReviewStepRow,
  'resourceId' | 'action' | 'status' | 'comment' | 'actorId'
> & { createdAt?: Date };

/** The review steps of programme items: submissions and verdicts. */
@Injectable()
export class ResourceReviewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(m: EntityManager, step: NewReviewStep): Promise<void> {
    return insertReviewStep(m, step);
  }

  /** Each item's steps, oldest first. */
  async of(resourceIds: readonly string[]): Promise<Map<string, ReviewStepRow[]>> {
    const rows: {
      id: string;
      resource_id: string;
      action: ReviewStepRow['action'];
      status: ResourceStatus;
      comment: string | null;
      actor_id: string;
      created_at: Date;
    }[] = resourceIds.length
      ? await this.dataSource.query(
          `SELECT s.id, s.resource_id, s.action, s.status, s.comment, s.actor_id, s.created_at
             FROM resource_reviews s
            WHERE s.resource_id = ANY($1::uuid[]) ORDER BY s.created_at, s.id`,
          [resourceIds],
        )
      : [];
    const steps = new Map<string, ReviewStepRow[]>();
    for (const r of rows) {
      const list = steps.get(r.resource_id) ?? [];
      list.push({
        id: r.id,
        resourceId: r.resource_id,
        action: r.action,
        status: r.status,
        comment: r.comment,
        actorId: r.actor_id,
        createdAt: r.created_at,
      });
      steps.set(r.resource_id, list);
    }
    return steps;
  }
}

/** Records a review step (a plain function: the demo seed records its items' steps with it). */
export async function insertReviewStep(db: Queryable, s: NewReviewStep): Promise<void> {
  await db.query(
    `INSERT INTO resource_reviews (resource_id, action, status, comment, actor_id, created_at)
     VALUES ($1, $2, $3, $4, $5, coalesce($6, now()))`,
    [s.resourceId, s.action, s.status, s.comment, s.actorId, s.createdAt ?? null],
  );
}

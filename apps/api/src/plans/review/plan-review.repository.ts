import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, FindOptionsSelect, Repository } from 'typeorm';
import { PLAN_STATUSES, type PlanStatus } from '@iuc/domain';
import { PlanEntity, type PlanSummaryFields } from '../plan.entity.js';
import { PlanReviewEntity } from './plan-review.entity.js';
import {
  PlanVersionsRepository,
  type NewPlanVersion,
} from '../versions/plan-versions.repository.js';
import { EventOutboxRepository, type StagedEvent } from '../../events/event-outbox.repository.js';

export interface TransitionRecord {
  planId: string;
  from: PlanStatus;
  to: PlanStatus;
  actorId: string;
  comment: string | null;
  /** Saved in the same transaction (a submission's version). */
  version: Omit<NewPlanVersion, 'planId' | 'authorId'> | null;
  /** The step's event, staged in the outbox in the same transaction (delivered after commit). */
  event: StagedEvent;
}

/** The version a submission saves: the text as it was checked. */
export function submissionVersion(state: Uint8Array): NonNullable<TransitionRecord['version']> {
  return { name: 'Submitted for review', kind: 'submission', state };
}

export interface AwaitingReviewRow {
  plan: PlanSummaryFields;
  submittedAt: Date;
  resubmitted: boolean;
  submittedBy: { id: string; name: string } | null;
}

const LISTED: FindOptionsSelect<PlanReviewEntity> = {
  id: true,
  planId: true,
  fromStatus: true,
  toStatus: true,
  comment: true,
  actorId: true,
  versionId: true,
  createdAt: true,
  actor: { id: true, name: true },
};

/** The review log, and status changes that write to it. */
@Injectable()
export class PlanReviewsRepository {
  constructor(
    @InjectRepository(PlanReviewEntity) private readonly reviews: Repository<PlanReviewEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: PlanVersionsRepository,
    private readonly outbox: EventOutboxRepository,
  ) {}

  /**
   * Moves the plan from `from` to `to`, saving the version if any, the log entry and the step's
   * event, all or nothing. Null when the plan is no longer in `from` (someone else moved it first).
   */
  transition(
    record: TransitionRecord,
  ): Promise<{ reviewId: string; versionId: string | null; eventId: string } | null> {
    return this.dataSource.transaction(async (manager) => {
      const moved = await manager
        .createQueryBuilder()
        .update(PlanEntity)
        .set({ status: record.to })
        .where('id = :id AND status = :from', { id: record.planId, from: record.from })
        .execute();
      if (!moved.affected) return null;
      const versionId = record.version
        ? await this.versions.insert(
            { ...record.version, planId: record.planId, authorId: record.actorId },
            manager,
          )
        : null;
      const result = await manager.getRepository(PlanReviewEntity).insert({
        planId: record.planId,
        fromStatus: record.from,
        toStatus: record.to,
        comment: record.comment,
        actorId: record.actorId,
        versionId,
      });
      const [eventId] = await this.outbox.stage(manager, [record.event]);
      return { reviewId: (result.identifiers[0] as { id: string }).id, versionId, eventId };
    });
  }

  /** The plan's review log, newest first. */
  list(planId: string): Promise<PlanReviewEntity[]> {
    return this.reviews.find({
      where: { planId },
      relations: { actor: true },
      select: LISTED,
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /**
   * Plans waiting for a verdict, the longest-waiting first, each with its latest submission step
   * (a plan seeded as submitted without one counts from its last change).
   */
  async awaitingReview(limit: number): Promise<AwaitingReviewRow[]> {
    const rows: {
      id: string;
      pairing_id: string;
      authority_id: string;
      title: string;
      status: PlanStatus;
      submitted_at: Date;
      resubmitted: boolean;
      by_id: string | null;
      by_name: string | null;
    }[] = await this.dataSource.query(
      `SELECT p.id, p.pairing_id, p.authority_id, p.title, p.status, coalesce(r.created_at, p.updated_at) AS submitted_at,
              coalesce(r.from_status = 'changes_requested', false) AS resubmitted, u.id AS by_id, u.name AS by_name
         FROM plans p
         LEFT JOIN LATERAL (
           SELECT created_at, from_status, actor_id FROM plan_reviews
            WHERE plan_id = p.id AND to_status = 'submitted' ORDER BY created_at DESC LIMIT 1) r ON true
         LEFT JOIN users u ON u.id = r.actor_id
        WHERE p.status = 'submitted'
        ORDER BY submitted_at, p.id
        LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      plan: {
        id: r.id,
        pairingId: r.pairing_id,
        authorityId: r.authority_id,
        title: r.title,
        status: r.status,
      },
      submittedAt: r.submitted_at,
      resubmitted: r.resubmitted,
      submittedBy: r.by_id && r.by_name ? { id: r.by_id, name: r.by_name } : null,
    }));
  }

  /** How many plans are in each status (every status present, 0 when none is). */
  async statusCounts(): Promise<Record<PlanStatus, number>> {
    const rows: { status: PlanStatus; n: number }[] = await this.dataSource.query(
      'SELECT status, count(*)::int AS n FROM plans GROUP BY status',
    );
    const counts = Object.fromEntries(PLAN_STATUSES.map((status) => [status, 0])) as Record<
      PlanStatus,
      number
    >;
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  find(id: string): Promise<PlanReviewEntity | null> {
    return this.reviews.findOne({ where: { id }, relations: { actor: true }, select: LISTED });
  }
}

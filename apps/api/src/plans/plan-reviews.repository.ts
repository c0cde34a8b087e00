import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, FindOptionsSelect, Repository } from 'typeorm';
import type { PlanStatus } from '@iuc/domain';
import { PlanEntity } from './plan.entity.js';
import { PlanReviewEntity } from './plan-review.entity.js';
import { PlanVersionsRepository, type NewPlanVersion } from './plan-versions.repository.js';

export interface TransitionRecord {
  planId: string;
  from: PlanStatus;
  to: PlanStatus;
  actorId: string;
  comment: string | null;
  /** Saved in the same transaction (a submission's version). */
  version: Omit<NewPlanVersion, 'planId' | 'authorId'> | null;
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
  ) {}

  /**
   * Moves the plan from `from` to `to`, saving the version if any and the log entry, all or
   * nothing. Null when the plan is no longer in `from` (someone else moved it first).
   */
  transition(
    record: TransitionRecord,
  ): Promise<{ reviewId: string; versionId: string | null } | null> {
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
      return { reviewId: (result.identifiers[0] as { id: string }).id, versionId };
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

  find(id: string): Promise<PlanReviewEntity | null> {
    return this.reviews.findOne({ where: { id }, relations: { actor: true }, select: LISTED });
  }
}

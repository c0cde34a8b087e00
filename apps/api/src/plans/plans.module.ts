import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CollabModule } from '../collab/collab.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { PlanExportService } from './export/plan-export.service.js';
import { PlanCollabAccess } from './documents/plan-collab-access.js';
import { PlanDocuments } from './documents/plan-documents.js';
import { PlanPolicy } from './plan.policy.js';
import { PlanProjector } from './projection/plan-projector.js';
import { PlanSearchRepository } from './projection/plan-search.repository.js';
import { PlanSearchSource } from './plan.search-source.js';
import { PlanReviewEntity } from './review/plan-review.entity.js';
import { PlanReviewService } from './review/plan-review.service.js';
import { PlanReviewsController } from './review/plan-review.controller.js';
import { PlanReviewsRepository } from './review/plan-review.repository.js';
import { PlanVersionEntity } from './versions/plan-version.entity.js';
import { PlanVersionsController } from './versions/plan-versions.controller.js';
import { PlanVersionsRepository } from './versions/plan-versions.repository.js';
import { PlanVersionsService } from './versions/plan-versions.service.js';
import { PlansController } from './plans.controller.js';
import { ReviewQueueController } from './review/review-queue.controller.js';
import { PlansCoreModule } from './plans-core.module.js';
import { PlansService } from './plans.service.js';

/**
 * Local Action Plans: metadata, the co-edited document (through the sync server), projections,
 * the review workflow, versions and export.
 */
@Module({
  imports: [
    PlansCoreModule,
    TypeOrmModule.forFeature([PlanVersionEntity, PlanReviewEntity]),
    DirectoryModule,
    CollabModule.register({
      imports: [PlansCoreModule],
      access: PlanCollabAccess,
      observers: [PlanProjector],
    }),
  ],
  controllers: [
    PlansController,
    PlanVersionsController,
    PlanReviewsController,
    ReviewQueueController,
  ],
  providers: [
    PlanPolicy,
    PlanDocuments,
    PlansService,
    PlanVersionsRepository,
    PlanVersionsService,
    PlanReviewsRepository,
    PlanReviewService,
    PlanExportService,
    PlanSearchRepository,
    PlanSearchSource,
  ],
  /** The library asks which plan actions cite its items. */
  exports: [PlansService],
})
export class PlansModule {}

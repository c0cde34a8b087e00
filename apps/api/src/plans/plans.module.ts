import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CollabModule } from '../collab/collab.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PlanExportService } from './export/plan-export.service.js';
import { PlanCollabAccess } from './plan-collab.access.js';
import { PlanDocuments } from './plan-documents.js';
import { PlanPolicy } from './plan-policy.js';
import { PlanProjector } from './plan-projector.js';
import { PlanReviewEntity } from './plan-review.entity.js';
import { PlanReviewService } from './plan-review.service.js';
import { PlanReviewsController } from './plan-reviews.controller.js';
import { PlanReviewsRepository } from './plan-reviews.repository.js';
import { PlanVersionEntity } from './plan-version.entity.js';
import { PlanVersionsController } from './plan-versions.controller.js';
import { PlanVersionsRepository } from './plan-versions.repository.js';
import { PlanVersionsService } from './plan-versions.service.js';
import { PlansController } from './plans.controller.js';
import { ReviewQueueController } from './review-queue.controller.js';
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
    NotificationsModule,
    CollabModule.register({
      imports: [PlansCoreModule],
      access: PlanCollabAccess,
      observers: [PlanProjector],
    }),
  ],
  controllers: [PlansController, PlanVersionsController, PlanReviewsController, ReviewQueueController],
  providers: [
    PlanPolicy,
    PlanDocuments,
    PlansService,
    PlanVersionsRepository,
    PlanVersionsService,
    PlanReviewsRepository,
    PlanReviewService,
    PlanExportService,
  ],
})
export class PlansModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessLocators } from '../access/access.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { PlanEntity } from './plan.entity.js';
import { PlanProjectionEntity } from './projection/plan-projection.entity.js';
import { PlanActionRowEntity } from './projection/plan-action-row.entity.js';
import { PlansRepository } from './plans.repository.js';
import { PlanCollabAccess } from './documents/plan-collab-access.js';
import { PlanProjectionRepository } from './projection/plan-projection.repository.js';
import { PlanProjector } from './projection/plan-projector.js';
import { PLAN_LOCATOR } from './plan.locator.js';

/** What the sync server needs from plans: access to plan documents and their projections. */
@Module({
  imports: [
    TypeOrmModule.forFeature([PlanEntity, PlanProjectionEntity, PlanActionRowEntity]),
    AuthModule,
    AccessLocators.register(PLAN_LOCATOR),
  ],
  providers: [PlansRepository, PlanCollabAccess, PlanProjectionRepository, PlanProjector],
  exports: [PlansRepository, PlanCollabAccess, PlanProjector, TypeOrmModule],
})
export class PlansCoreModule {}

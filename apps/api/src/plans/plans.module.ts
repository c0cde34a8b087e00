import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module.js';
import { PlansCoreModule } from './plans-core.module.js';
import { PlanCollabAccess } from './plan-collab.access.js';
import { PlanProjector } from './plan-projector.js';

/** Local Action Plans: metadata, the co-edited document (through the sync server), projections. */
@Module({
  imports: [
    PlansCoreModule,
    CollabModule.register({ imports: [PlansCoreModule], access: PlanCollabAccess, observers: [PlanProjector] }),
  ],
})
export class PlansModule {}

import { Module } from '@nestjs/common';
import { AccessLocators } from '../access/access.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { FilesModule } from '../files/files.module.js';
import { PairingsModule } from '../pairings/pairings.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ResourceCitationsController } from './citations/resource-citations.controller.js';
import { ResourceCitationsService } from './citations/resource-citations.service.js';
import { FilesOfItems, LibraryFiles } from './files/library-files.js';
import { ResourcePlacement } from './items/resource-placement.js';
import { ResourcePresenter } from './items/resource-presenter.js';
import { ResourcePolicy } from './items/resource.policy.js';
import { ResourcesController } from './items/resources.controller.js';
import { ResourcesRepository } from './items/resources.repository.js';
import { ResourcesService } from './items/resources.service.js';
import { ResourceListController } from './list/resource-list.controller.js';
import { ResourceListRepository } from './list/resource-list.repository.js';
import { ResourceListService } from './list/resource-list.service.js';
import { RESOURCE_LOCATOR } from './resource.locator.js';
import { ResourceReviewController } from './review/resource-review.controller.js';
import { ResourceReviewService } from './review/resource-review.service.js';
import { ResourceReviewsRepository } from './review/resource-reviews.repository.js';
import { ReviewSteps } from './review/review-steps.js';
import { ResourceRevisionsController } from './revisions/resource-revisions.controller.js';
import { ResourceRevisionsRepository } from './revisions/resource-revisions.repository.js';
import { ResourceRevisionsService } from './revisions/resource-revisions.service.js';
import { ResourceTrashController } from './trash/resource-trash.controller.js';
import { ResourceTrashService } from './trash/resource-trash.service.js';
import { ResourceSearchSource } from './search/resource.search-source.js';

/**
 * The knowledge library: good practices and other resources, their visibility (programme after
 * review, pairing, one city's side), review, revisions, trash and the plan actions citing them.
 * Files come through LibraryFiles (the files module's service), people's names through auth's
 * UsersService.
 */
@Module({
  imports: [
    AccessLocators.register(RESOURCE_LOCATOR),
    AuthModule,
    DirectoryModule,
    FilesModule,
    PairingsModule,
    PlansModule,
  ],
  // The fixed paths (trash, review-queue) before `:id`.
  controllers: [
    ResourceListController,
    ResourceTrashController,
    ResourcesController,
    ResourceReviewController,
    ResourceRevisionsController,
    ResourceCitationsController,
  ],
  providers: [
    { provide: LibraryFiles, useClass: FilesOfItems },
    ResourcesRepository,
    ResourceListRepository,
    ResourceReviewsRepository,
    ResourceRevisionsRepository,
    ResourcePolicy,
    ResourcePlacement,
    ResourcePresenter,
    ReviewSteps,
    ResourcesService,
    ResourceListService,
    ResourceTrashService,
    ResourceReviewService,
    ResourceRevisionsService,
    ResourceCitationsService,
    ResourceSearchSource,
  ],
  // For the demo, which makes its sample items the way people do.
  exports: [ResourcesService, ResourceReviewService],
})
export class LibraryModule {}

import {
  ConflictException,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { RESOURCE_TRASH_DAYS, type ResourceDto, type ResourceSummaryDto } from '@iuc/domain';
import type { Actor } from '../../access/actor.js';
import { codedError } from '../../common/coded-error.js';
import { EventBus } from '../../events/event-bus.js';
import { LibraryFiles } from '../files/library-files.js';
import { ResourcePolicy } from '../items/resource.policy.js';
import { ResourcePresenter } from '../items/resource-presenter.js';
import { ResourcesRepository } from '../items/resources.repository.js';
import { ResourceListRepository } from '../list/resource-list.repository.js';
import { ResourceListService } from '../list/resource-list.service.js';

/** How often the trash is emptied of what has been there RESOURCE_TRASH_DAYS. */
const PURGE_EVERY_MS = 60 * 60 * 1000;
const PURGE_BATCH = 100;
const TRASH_PAGE = 200;

/**
 * The trash: deleting moves an item there; its author or programme staff restore it within
 * RESOURCE_TRASH_DAYS; after that it is purged with its files, revisions and review steps.
 */
@Injectable()
export class ResourceTrashService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LibraryTrash');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly items: ResourcesRepository,
    private readonly list: ResourceListRepository,
    private readonly lists: ResourceListService,
    private readonly policy: ResourcePolicy,
    private readonly presenter: ResourcePresenter,
    private readonly files: LibraryFiles,
    private readonly events: EventBus,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purgeLogged(), PURGE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.policy.openTo(actor, id, 'delete');
    if (await this.items.trash(id))
      await this.events.publish('resource.changed', { resourceId: id });
  }

  async restore(actor: Actor, id: string): Promise<ResourceDto> {
    const { row } = await this.policy.open(actor, id);
    if (!row.deletedAt) throw new ConflictException('The item is not in the trash.');
    await this.policy.openTo(actor, id, 'restore');
    if (!(await this.items.restore(id, RESOURCE_TRASH_DAYS)))
      throw new ConflictException(
        codedError(
          'resource.trash_expired',
          `The item has been in the trash for more than ${RESOURCE_TRASH_DAYS} days.`,
        ),
      );
    await this.events.publish('resource.changed', { resourceId: id });
    const opened = await this.policy.open(actor, id);
    return this.presenter.detail(opened.row, opened.rights);
  }

  /** What the actor may restore: their own items in the trash, or all for programme staff. */
  async trash(actor: Actor): Promise<ResourceSummaryDto[]> {
    const viewer = await this.lists.viewer(actor);
    return this.presenter.summaries(await this.list.trash(viewer, RESOURCE_TRASH_DAYS, TRASH_PAGE));
  }

  /** Purges what has been in the trash too long (files first: an item never loses them before). */
  async purgeExpired(): Promise<number> {
    let purged = 0;
    for (;;) {
      const ids = await this.items.expiredInTrash(RESOURCE_TRASH_DAYS, PURGE_BATCH);
      for (const id of ids) {
        await this.files.purge(id);
        await this.items.purge(id);
        await this.events.publish('resource.changed', { resourceId: id });
      }
      purged += ids.length;
      if (ids.length < PURGE_BATCH) return purged;
    }
  }

  private async purgeLogged(): Promise<void> {
    try {
      const purged = await this.purgeExpired();
      if (purged) this.logger.log(`Purged ${purged} library items from the trash`);
    } catch (err) {
      this.logger.error(`Purging the library trash failed: ${(err as Error).message}`);
    }
  }
}

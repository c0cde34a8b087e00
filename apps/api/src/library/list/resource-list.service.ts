import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import type {
  ResourceFacetsDto,
  ResourceListDto,
  ResourceListQuery,
  ResourceSummaryDto,
} from '@iuc/domain';
import { AccessService } from '../../access/access.service.js';
import type { Actor } from '../../access/actor.js';
import { codedError } from '../../common/coded-error.js';
import { ResourcePresenter } from '../items/resource-presenter.js';
import { decodeListCursor, encodeListCursor } from './resource-cursor.js';
import { ResourceListRepository, type Viewer } from './resource-list.repository.js';

const DEFAULT_PAGE = 24;
/** The review queue in one bounded page: more than the programme submits in a year. */
const QUEUE_LIMIT = 500;

/** Browsing the library: what the caller may see, filtered, counted by facet, paged. */
@Injectable()
export class ResourceListService {
  constructor(
    private readonly list: ResourceListRepository,
    private readonly access: AccessService,
    private readonly presenter: ResourcePresenter,
  ) {}

  async page(actor: Actor, query: ResourceListQuery): Promise<ResourceListDto> {
    const after = query.cursor === undefined ? null : decodeListCursor(query.cursor);
    if (after === null && query.cursor !== undefined)
      throw new BadRequestException(
        codedError('resource.bad_cursor', 'cursor is not a cursor of this list.'),
      );
    const viewer = await this.viewer(actor);
    const limit = query.limit ?? DEFAULT_PAGE;
    const [rows, facets] = await Promise.all([
      this.list.page(viewer, query, after, limit + 1),
      after ? null : this.facets(viewer, query),
    ]);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.presenter.summaries(page.map((r) => r.row)),
      nextCursor:
        rows.length > limit
          ? encodeListCursor({
              rank: last.rank,
              position: { micros: last.row.createdMicros, id: last.row.id },
            })
          : null,
      facets,
    };
  }

  /** Programme items waiting for a verdict, the longest-waiting first: for programme staff. */
  async reviewQueue(actor: Actor): Promise<ResourceSummaryDto[]> {
    if (!actor.programmeRole)
      throw new ForbiddenException('Only programme staff review library items.');
    return this.presenter.summaries(await this.list.awaitingReview(QUEUE_LIMIT));
  }

  async viewer(actor: Actor): Promise<Viewer> {
    return {
      userId: actor.userId,
      staff: actor.programmeRole !== null,
      scopes: await this.access.readableScopes(actor),
    };
  }

  private async facets(viewer: Viewer, query: ResourceListQuery): Promise<ResourceFacetsDto> {
    const counts = await this.list.facets(viewer, query);
    const cities = await this.presenter.cities(counts.city.map((c) => c.value));
    return {
      ...counts,
      city: counts.city.map((c) => ({ ...c, label: cities.get(c.value)?.name ?? '' })),
    };
  }
}

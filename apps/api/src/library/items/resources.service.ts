import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  LIBRARY_LIMITS,
  statusOnSave,
  type CreateResourceRequest,
  type ResourceDto,
  type UpdateResourceRequest,
} from '@iuc/domain';
import type { Actor } from '../../access/actor.js';
import { codedError } from '../../common/coded-error.js';
import { EventBus } from '../../events/event-bus.js';
import { OutboxRelay } from '../../events/outbox-relay.js';
import { badFile, LibraryFiles } from '../files/library-files.js';
import { ReviewSteps } from '../review/review-steps.js';
import { fieldChanges, fileChanges } from '../revisions/resource-changes.js';
import { ResourceRevisionsRepository } from '../revisions/resource-revisions.repository.js';
import { ResourcePlacement, type Placement } from './resource-placement.js';
import { ResourcePolicy } from './resource.policy.js';
import { ResourcePresenter } from './resource-presenter.js';
import {
  ResourcesRepository,
  type ResourceRow,
  type ResourceValues,
} from './resources.repository.js';

/** The good-practice fields, with the empty value of each. */
const TEXT_FIELDS = [
  'summary',
  'problem',
  'approach',
  'participation',
  'results',
  'resourcesNeeded',
  'timescale',
  'transferability',
  'lessons',
  'contact',
] as const;

/** Creating, reading and editing library items (the list, trash and review have their own services). */
@Injectable()
export class ResourcesService {
  constructor(
    private readonly items: ResourcesRepository,
    private readonly policy: ResourcePolicy,
    private readonly placement: ResourcePlacement,
    private readonly presenter: ResourcePresenter,
    private readonly files: LibraryFiles,
    private readonly revisions: ResourceRevisionsRepository,
    private readonly steps: ReviewSteps,
    private readonly events: EventBus,
    private readonly relay: OutboxRelay,
  ) {}

  /** A new item: programme-wide ones start `submitted` (a 'submit' step), the others `shared`. */
  async create(actor: Actor, body: CreateResourceRequest): Promise<ResourceDto> {
    const placed = await this.placement.place(actor, body.scope);
    const city = await this.placement.city(actor, placed, body.cityId);
    const values: ResourceValues = {
      kind: body.kind,
      title: body.title,
      ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, body[f] ?? ''])),
      links: body.links ?? [],
      language: body.language,
      themes: body.themes,
      sdgs: body.sdgs,
      agendas: body.agendas ?? [],
      ...city,
      ...placed,
      status: statusOnSave(placed.scopeLevel, null),
    } as ResourceValues;
    const uploadIds = body.uploadIds ?? [];
    if (uploadIds.length > LIBRARY_LIMITS.filesPerItem)
      throw badFile(`An item holds at most ${LIBRARY_LIMITS.filesPerItem} files.`);
    const id = await this.items.transaction(async (m) => {
      const id = await this.items.insert(m, values, actor.userId);
      if (values.status === 'submitted')
        await this.submitStep(m, id, values.title, actor.userId, actor);
      await this.files.attach(actor.userId, uploadIds, id, m);
      return id;
    });
    await this.changed(id);
    return this.detail(actor, id);
  }

  /** One item with its files, review log and what the actor may do; 404 when not visible. */
  async detail(actor: Actor, id: string): Promise<ResourceDto> {
    const { row, rights } = await this.policy.open(actor, id);
    return this.presenter.detail(row, rights);
  }

  /**
   * Saves an edit: changed fields (a revision records them), a new scope (the status follows,
   * see statusOnSave; a programme item coming back from changes requested is resubmitted), files
   * put on and taken off. 409 when `baseUpdatedAt` is not the item's last save.
   */
  async update(actor: Actor, id: string, body: UpdateResourceRequest): Promise<ResourceDto> {
    const opened = await this.policy.openTo(actor, id, 'edit');
    // Moving an item decides who sees it (and may hide it from its other editors): its author's
    // or programme staff's call, not a colleague's.
    if (body.scope && opened.row.authorId !== actor.userId && !actor.programmeRole)
      throw new ForbiddenException('Only its author or programme staff may move an item.');
    const placed: Placement | null = body.scope
      ? await this.placement.place(actor, body.scope)
      : null;
    // The city is a tag: it changes when asked, not when the item moves.
    const city =
      body.cityId !== undefined
        ? await this.placement.city(actor, placed ?? opened.row, body.cityId)
        : null;
    await this.items.transaction(async (m) => {
      const row = await this.items.lock(m, id);
      if (!row || row.deletedAt) throw new ConflictException('The item was deleted meanwhile.');
      if (body.baseUpdatedAt && Date.parse(body.baseUpdatedAt) !== row.updatedAt.getTime())
        throw new ConflictException(
          codedError(
            'resource.stale_edit',
            'Someone saved this item since you opened it: reload it.',
          ),
        );
      const next = nextValues(row, body, placed, city);
      next.status = statusOnSave(next.scopeLevel, row.status);
      const changes = [...fieldChanges(row, next), ...(await this.saveFiles(m, actor, row, body))];
      const resubmitted = next.status === 'submitted' && row.status !== 'submitted';
      if (!changes.length && next.status === row.status) return;
      await this.items.update(m, id, next);
      if (changes.length) await this.revisions.insert(m, id, actor.userId, changes);
      if (resubmitted) await this.submitStep(m, id, next.title, row.authorId, actor);
    });
    await this.changed(id);
    return this.detail(actor, id);
  }

  /** Takes files off and puts new ones on, inside the save's transaction; the names changed. */
  private async saveFiles(
    m: EntityManager,
    actor: Actor,
    row: ResourceRow,
    body: UpdateResourceRequest,
  ): Promise<ReturnType<typeof fileChanges>> {
    const remove = body.removeFileIds ?? [];
    const upload = body.uploadIds ?? [];
    if (!remove.length && !upload.length) return [];
    const current = (await this.files.filesOf([row.id])).get(row.id) ?? [];
    if (remove.some((f) => !current.some((c) => c.id === f)))
      throw badFile('removeFileIds names a file that is not on this item.');
    if (current.length - remove.length + upload.length > LIBRARY_LIMITS.filesPerItem)
      throw badFile(`An item holds at most ${LIBRARY_LIMITS.filesPerItem} files.`);
    const removed = await this.files.detach(row.id, remove, m);
    const added = await this.files.attach(actor.userId, upload, row.id, m);
    return fileChanges(
      removed.map((f) => f.name),
      added.map((f) => f.name),
    );
  }

  /** The 'submit' step of a programme item (new, or resubmitted after changes were requested). */
  private submitStep(
    m: EntityManager,
    resourceId: string,
    title: string,
    authorId: string,
    actor: Actor,
  ): Promise<void> {
    return this.steps.record(m, {
      resourceId,
      title,
      authorId,
      action: 'submit',
      status: 'submitted',
      actorId: actor.userId,
      comment: null,
    });
  }

  /** Tells the others (search) after commit, and delivers the staged review step now. */
  private async changed(resourceId: string): Promise<void> {
    await this.events.publish('resource.changed', { resourceId });
    await this.relay.deliverSoon();
  }
}

/** The item's values after an edit: what the body gives, the rest as it was. */
function nextValues(
  row: ResourceRow,
  body: UpdateResourceRequest,
  placed: Placement | null,
  city: Pick<ResourceValues, 'cityId' | 'cityCountry' | 'cityRegion'> | null,
): ResourceValues {
  const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, body[f] ?? row[f]]));
  return {
    kind: body.kind ?? row.kind,
    title: body.title ?? row.title,
    ...(text as Pick<ResourceValues, (typeof TEXT_FIELDS)[number]>),
    links: body.links ?? row.links,
    language: body.language ?? row.language,
    themes: body.themes ?? row.themes,
    sdgs: body.sdgs ?? row.sdgs,
    agendas: body.agendas ?? row.agendas,
    cityId: city ? city.cityId : row.cityId,
    cityCountry: city ? city.cityCountry : row.cityCountry,
    cityRegion: city ? city.cityRegion : row.cityRegion,
    scopeLevel: placed?.scopeLevel ?? row.scopeLevel,
    pairingId: placed ? placed.pairingId : row.pairingId,
    authorityId: placed ? placed.authorityId : row.authorityId,
    status: row.status,
  };
}

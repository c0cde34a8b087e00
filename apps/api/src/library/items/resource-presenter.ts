import { Injectable } from '@nestjs/common';
import type { ResourceCityDto, ResourceDto, ResourceRights, ResourceSummaryDto } from '@iuc/domain';
import { UsersService } from '../../auth/users/users.service.js';
import { DirectoryService } from '../../directory/directory.service.js';
import { LibraryFiles, type ItemFile } from '../files/library-files.js';
import {
  ResourceReviewsRepository,
  type ReviewStepRow,
} from '../review/resource-reviews.repository.js';
import type { ResourceRow } from './resources.repository.js';

/**
 * Turns item rows into the wire types, with their cities (from the directory), people's names
 * (from auth) and files: one batched call to each per response, however many rows.
 */
@Injectable()
export class ResourcePresenter {
  constructor(
    private readonly directory: DirectoryService,
    private readonly files: LibraryFiles,
    private readonly reviews: ResourceReviewsRepository,
    private readonly users: UsersService,
  ) {}

  async summaries(rows: readonly ResourceRow[]): Promise<ResourceSummaryDto[]> {
    const [cities, files, names] = await Promise.all([
      this.cities(rows.flatMap((r) => (r.cityId ? [r.cityId] : []))),
      this.files.filesOf(rows.map((r) => r.id)),
      this.users.namesByIds(rows.map((r) => r.authorId)),
    ]);
    return rows.map((r) => toSummary(r, cities, names, files.get(r.id) ?? []));
  }

  async detail(row: ResourceRow, rights: ResourceRights): Promise<ResourceDto> {
    const [cities, files, { steps, names }] = await Promise.all([
      this.cities(row.cityId ? [row.cityId] : []),
      this.files.filesOf([row.id]),
      this.stepsWithNames(row),
    ]);
    const own = files.get(row.id) ?? [];
    return {
      ...toSummary(row, cities, names, own),
      problem: row.problem,
      approach: row.approach,
      participation: row.participation,
      results: row.results,
      resourcesNeeded: row.resourcesNeeded,
      timescale: row.timescale,
      transferability: row.transferability,
      lessons: row.lessons,
      contact: row.contact,
      links: row.links,
      files: own.map((f) => f.dto),
      rights: {
        edit: rights.edit,
        delete: rights.delete,
        review: rights.review,
        feature: rights.feature,
      },
      reviews: steps.map((s) => toReviewDto(s, names)),
    };
  }

  /** The item's review steps, and the names of their actors and its author (one look-up). */
  private async stepsWithNames(row: ResourceRow) {
    const steps = (await this.reviews.of([row.id])).get(row.id) ?? [];
    const names = await this.users.namesByIds([row.authorId, ...steps.map((s) => s.actorId)]);
    return { steps, names };
  }

  /** The cities by id, as the library shows them (the directory owns them). */
  async cities(ids: readonly string[]): Promise<Map<string, ResourceCityDto>> {
    const found = await this.directory.authoritiesByIds(ids);
    return new Map(
      [...found].map(([id, a]) => [
        id,
        { id, name: a.name, countryCode: a.countryIso, region: a.worldRegion },
      ]),
    );
  }
}

function toSummary(
  r: ResourceRow,
  cities: Map<string, ResourceCityDto>,
  names: Map<string, string>,
  files: readonly ItemFile[],
): ResourceSummaryDto {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    status: r.status,
    scope: { level: r.scopeLevel, pairingId: r.pairingId, authorityId: r.authorityId },
    language: r.language,
    themes: r.themes,
    sdgs: r.sdgs,
    agendas: r.agendas,
    city: (r.cityId && cities.get(r.cityId)) || null,
    author: { id: r.authorId, name: names.get(r.authorId) ?? '' },
    featured: r.featured,
    thumbnailFileId: files.find((f) => f.hasPreview)?.id ?? null,
    fileCount: files.length,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    deletedAt: r.deletedAt?.toISOString() ?? null,
  };
}

function toReviewDto(s: ReviewStepRow, names: Map<string, string>): ResourceDto['reviews'][number] {
  return {
    id: s.id,
    action: s.action,
    status: s.status,
    comment: s.comment,
    actor: { id: s.actorId, name: names.get(s.actorId) ?? '' },
    at: s.createdAt.toISOString(),
  };
}

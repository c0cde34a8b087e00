import { Injectable } from '@nestjs/common';
import type { ResourceCityDto, ResourceDto, ResourceRights, ResourceSummaryDto } from '@iuc/domain';
import { DirectoryService } from '../../directory/directory.service.js';
import { LibraryFiles, type ItemFile } from '../files/library-files.js';
import {
  ResourceReviewsRepository,
  type ReviewStepRow,
} from '../review/resource-reviews.repository.js';
import type { ResourceRow } from './resources.repository.js';

/** Turns item rows into the wire types, with their cities (from the directory) and files. */
@Injectable()
export class ResourcePresenter {
  constructor(
    private readonly directory: DirectoryService,
    private readonly files: LibraryFiles,
    private readonly reviews: ResourceReviewsRepository,
  ) {}

  async summaries(rows: readonly ResourceRow[]): Promise<ResourceSummaryDto[]> {
    const [cities, files] = await Promise.all([
      this.cities(rows.flatMap((r) => (r.cityId ? [r.cityId] : []))),
      this.files.filesOf(rows.map((r) => r.id)),
    ]);
    return rows.map((r) => toSummary(r, cities, files.get(r.id) ?? []));
  }

  async detail(row: ResourceRow, rights: ResourceRights): Promise<ResourceDto> {
    const [cities, files, reviews] = await Promise.all([
      this.cities(row.cityId ? [row.cityId] : []),
      this.files.filesOf([row.id]),
      this.reviews.of([row.id]),
    ]);
    const own = files.get(row.id) ?? [];
    return {
      ...toSummary(row, cities, own),
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
      reviews: (reviews.get(row.id) ?? []).map(toReviewDto),
      deletedAt: row.deletedAt?.toISOString() ?? null,
    };
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
    author: { id: r.authorId, name: r.authorName },
    featured: r.featured,
    thumbnailFileId: files.find((f) => f.hasPreview)?.id ?? null,
    fileCount: files.length,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
  };
}

function toReviewDto(s: ReviewStepRow): ResourceDto['reviews'][number] {
  return {
    id: s.id,
    action: s.action,
    status: s.status,
    comment: s.comment,
    actor: { id: s.actorId, name: s.actorName },
    at: s.createdAt.toISOString(),
  };
}

/** Response schemas of the library: for the OpenAPI document only; services return @iuc/domain types. */
import { ApiProperty } from '@nestjs/swagger';
import {
  AGENDAS,
  CONTENT_LANGUAGES,
  FILE_STATUSES,
  RESOURCE_KINDS,
  RESOURCE_REVIEW_ACTIONS,
  RESOURCE_SCOPE_LEVELS,
  RESOURCE_STATUSES,
  THEMES,
  WORLD_REGIONS,
  type AgendaCode,
  type ContentLanguage,
  type FacetCountDto,
  type FilePresentation,
  type FileStatus,
  type ResourceCitationDto,
  type ResourceCityDto,
  type ResourceDto,
  type ResourceFacetsDto,
  type ResourceFileDto,
  type ResourceKind,
  type ResourceListDto,
  type ResourceReviewDto,
  type ResourceRevisionDto,
  type ResourceRightsDto,
  type ResourceScope,
  type ResourceScopeLevel,
  type ResourceStatus,
  type ResourceSummaryDto,
  type ThemeCode,
  type WorldRegionCode,
} from '@iuc/domain';
import { UserRefDoc } from '../../common/user-ref.docs.js';

export class ResourceScopeDoc implements ResourceScope {
  @ApiProperty({ enum: RESOURCE_SCOPE_LEVELS }) level: ResourceScopeLevel;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) pairingId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorityId: string | null;
}

export class ResourceCityDoc implements ResourceCityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Bologna' }) name: string;
  @ApiProperty({ example: 'IT' }) countryCode: string;
  @ApiProperty({ enum: WORLD_REGIONS }) region: WorldRegionCode;
}

export class ResourceFileDoc implements ResourceFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'report.pdf' }) name: string;
  @ApiProperty({ example: 'application/pdf' }) type: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ enum: FILE_STATUSES }) status: FileStatus;
  @ApiProperty({ enum: ['image', 'pdf', 'office', 'audio', 'video', 'text', 'other'] })
  presentation: FilePresentation;
  @ApiProperty() hasPreview: boolean;
  @ApiProperty({ type: Number, nullable: true }) pages: number | null;
  @ApiProperty({ type: String, nullable: true }) excerpt: string | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
}

export class ResourceSummaryDoc implements ResourceSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RESOURCE_KINDS }) kind: ResourceKind;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ enum: RESOURCE_STATUSES }) status: ResourceStatus;
  @ApiProperty({ type: ResourceScopeDoc }) scope: ResourceScope;
  @ApiProperty({ enum: CONTENT_LANGUAGES }) language: ContentLanguage;
  @ApiProperty({ enum: THEMES, isArray: true }) themes: ThemeCode[];
  @ApiProperty({ type: [Number] }) sdgs: number[];
  @ApiProperty({ enum: AGENDAS, isArray: true }) agendas: AgendaCode[];
  @ApiProperty({ type: ResourceCityDoc, nullable: true }) city: ResourceCityDto | null;
  @ApiProperty({ type: UserRefDoc }) author: { id: string; name: string };
  @ApiProperty() featured: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) thumbnailFileId: string | null;
  @ApiProperty() fileCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'In the trash since.',
  })
  deletedAt: string | null;
}

export class ResourceRightsDoc implements ResourceRightsDto {
  @ApiProperty() edit: boolean;
  @ApiProperty() delete: boolean;
  @ApiProperty() review: boolean;
  @ApiProperty() feature: boolean;
}

export class ResourceReviewDoc implements ResourceReviewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: [...RESOURCE_REVIEW_ACTIONS, 'submit'] })
  action: ResourceReviewDto['action'];
  @ApiProperty({ enum: RESOURCE_STATUSES }) status: ResourceStatus;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: UserRefDoc }) actor: { id: string; name: string };
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class ResourceDoc extends ResourceSummaryDoc implements ResourceDto {
  @ApiProperty() problem: string;
  @ApiProperty() approach: string;
  @ApiProperty() participation: string;
  @ApiProperty() results: string;
  @ApiProperty() resourcesNeeded: string;
  @ApiProperty() timescale: string;
  @ApiProperty() transferability: string;
  @ApiProperty() lessons: string;
  @ApiProperty() contact: string;
  @ApiProperty({ type: [String] }) links: string[];
  @ApiProperty({ type: [ResourceFileDoc] }) files: ResourceFileDto[];
  @ApiProperty({ type: ResourceRightsDoc }) rights: ResourceRightsDto;
  @ApiProperty({ type: [ResourceReviewDoc], description: 'The review log, oldest first.' })
  reviews: ResourceReviewDto[];
}

export class FacetCountDoc implements FacetCountDto {
  @ApiProperty() value: string;
  @ApiProperty() count: number;
}

export class CityFacetCountDoc extends FacetCountDoc {
  @ApiProperty({ example: 'Bologna' }) label: string;
}

export class ResourceFacetsDoc implements ResourceFacetsDto {
  @ApiProperty({ type: [FacetCountDoc] }) kind: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDoc] }) theme: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDoc] }) sdg: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDoc] }) region: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDoc] }) country: FacetCountDto[];
  @ApiProperty({ type: [CityFacetCountDoc] }) city: (FacetCountDto & { label: string })[];
  @ApiProperty({ type: [FacetCountDoc] }) language: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDoc] }) year: FacetCountDto[];
}

export class ResourceListDoc implements ResourceListDto {
  @ApiProperty({ type: [ResourceSummaryDoc] }) items: ResourceSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({
    type: ResourceFacetsDoc,
    nullable: true,
    description: 'Counts over what the caller may see under the other filters; first page only.',
  })
  facets: ResourceFacetsDto | null;
}

export class FieldChangeDoc {
  @ApiProperty({ example: 'title' }) field: string;
  @ApiProperty({ description: 'Any JSON value.' }) before: unknown;
  @ApiProperty({ description: 'Any JSON value.' }) after: unknown;
}

export class ResourceRevisionDoc implements ResourceRevisionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: UserRefDoc }) actor: { id: string; name: string };
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: [FieldChangeDoc] }) changes: ResourceRevisionDto['changes'];
}

export class ResourceCitationDoc implements ResourceCitationDto {
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty({ format: 'uuid' }) pairingId: string;
  @ApiProperty() planTitle: string;
  @ApiProperty() actionId: string;
  @ApiProperty() actionTitle: string;
}

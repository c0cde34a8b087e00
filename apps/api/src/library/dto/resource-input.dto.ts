/** Validated params, queries and bodies of the library routes (bounds from LIBRARY_LIMITS). */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AGENDAS,
  CONTENT_LANGUAGES,
  LIBRARY_LIMITS,
  RESOURCE_KINDS,
  RESOURCE_REVIEW_ACTIONS,
  RESOURCE_SCOPE_LEVELS,
  RESOURCE_SORTS,
  RESOURCE_STATUSES,
  THEMES,
  WORLD_REGIONS,
  type AgendaCode,
  type ContentLanguage,
  type CreateResourceRequest,
  type FeatureResourceRequest,
  type ResourceKind,
  type ResourceListQuery,
  type ResourceReviewAction,
  type ResourceReviewRequest,
  type ResourceScope,
  type ResourceScopeLevel,
  type ResourceSort,
  type ResourceStatus,
  type ThemeCode,
  type UpdateResourceRequest,
  type WorldRegionCode,
} from '@iuc/domain';
import { Trim } from '../../auth/dto/trim.js';
import { IsCountryCode, toBoolean } from '../../common/query-validators.js';

const L = LIBRARY_LIMITS;

/** `:id` of a library item. */
export class ResourceIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

/** An optional long text field of an item. */
function TextField(max: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ maxLength: max }),
    Trim(),
    IsOptional(),
    IsString(),
    MaxLength(max),
  );
}

/** A tus upload id, as in `Location: /api/uploads/<id>`. */
const UPLOAD_ID = /^[A-Za-z0-9_-]{1,100}$/;

export class ResourceScopeBody implements ResourceScope {
  @ApiProperty({ enum: RESOURCE_SCOPE_LEVELS })
  @IsIn(RESOURCE_SCOPE_LEVELS)
  level: ResourceScopeLevel;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'For pairing and side.',
  })
  @IsOptional()
  @IsUUID()
  pairingId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "For side: the city's id.",
  })
  @IsOptional()
  @IsUUID()
  authorityId?: string | null;
}

/** The fields PATCH may change (all optional); POST requires kind, title, language and scope. */
class ResourceFieldsBody {
  @TextField(L.summary) summary?: string;
  @TextField(L.field) problem?: string;
  @TextField(L.field) approach?: string;
  @TextField(L.field) participation?: string;
  @TextField(L.field) results?: string;
  @TextField(L.field) resourcesNeeded?: string;
  @TextField(L.field) timescale?: string;
  @TextField(L.field) transferability?: string;
  @TextField(L.field) lessons?: string;
  @TextField(L.contact) contact?: string;

  @ApiPropertyOptional({ type: [String], maxItems: L.links, description: 'http(s) URLs.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.links)
  @IsString({ each: true })
  @MaxLength(L.link, { each: true })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { each: true, message: 'each value in links must be an http(s) URL' },
  )
  links?: string[];

  @ApiPropertyOptional({ enum: AGENDAS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(AGENDAS, { each: true })
  agendas?: AgendaCode[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The city the item is about; defaults to the side's city, else the author's.",
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  cityId?: string | null;

  @ApiPropertyOptional({
    type: [String],
    maxItems: L.fileIds,
    description: 'Finished tus uploads to attach as files.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.fileIds)
  @ArrayUnique()
  @Matches(UPLOAD_ID, { each: true, message: 'each value in uploadIds must be an upload id' })
  uploadIds?: string[];
}

export class CreateResourceBody extends ResourceFieldsBody implements CreateResourceRequest {
  @ApiProperty({ enum: RESOURCE_KINDS })
  @IsIn(RESOURCE_KINDS)
  kind: ResourceKind;

  @ApiProperty({ maxLength: L.title, example: 'Circular procurement for public works' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.title)
  title: string;

  @ApiProperty({ enum: CONTENT_LANGUAGES })
  @IsIn(CONTENT_LANGUAGES)
  language: ContentLanguage;

  @ApiProperty({ enum: THEMES, isArray: true, maxItems: L.themes })
  @IsArray()
  @ArrayMaxSize(L.themes)
  @ArrayUnique()
  @IsIn(THEMES, { each: true })
  themes: ThemeCode[];

  @ApiProperty({ type: [Number], maxItems: L.sdgs, description: 'SDG numbers, 1 to 17.' })
  @IsArray()
  @ArrayMaxSize(L.sdgs)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  sdgs: number[];

  @ApiProperty({ type: ResourceScopeBody })
  @ValidateNested()
  @Type(() => ResourceScopeBody)
  scope: ResourceScopeBody;
}

export class UpdateResourceBody extends ResourceFieldsBody implements UpdateResourceRequest {
  @ApiPropertyOptional({ enum: RESOURCE_KINDS })
  @IsOptional()
  @IsIn(RESOURCE_KINDS)
  kind?: ResourceKind;

  @ApiPropertyOptional({ maxLength: L.title })
  @Trim()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.title)
  title?: string;

  @ApiPropertyOptional({ enum: CONTENT_LANGUAGES })
  @IsOptional()
  @IsIn(CONTENT_LANGUAGES)
  language?: ContentLanguage;

  @ApiPropertyOptional({ enum: THEMES, isArray: true, maxItems: L.themes })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.themes)
  @ArrayUnique()
  @IsIn(THEMES, { each: true })
  themes?: ThemeCode[];

  @ApiPropertyOptional({ type: [Number], maxItems: L.sdgs })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.sdgs)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  sdgs?: number[];

  @ApiPropertyOptional({
    type: ResourceScopeBody,
    description: 'Moving the item re-derives its status.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourceScopeBody)
  scope?: ResourceScopeBody;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: L.fileIds })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.fileIds)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  removeFileIds?: string[];

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'The updatedAt the edit started from: 409 `resource.stale_edit` when saved since.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  baseUpdatedAt?: string;
}

export class ResourceListQueryParams implements ResourceListQuery {
  @ApiPropertyOptional({ enum: RESOURCE_KINDS })
  @IsOptional()
  @IsIn(RESOURCE_KINDS)
  kind?: ResourceKind;

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES)
  theme?: ThemeCode;

  @ApiPropertyOptional({ minimum: 1, maximum: 17 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(17)
  sdg?: number;

  @ApiPropertyOptional({ enum: WORLD_REGIONS })
  @IsOptional()
  @IsIn(WORLD_REGIONS)
  region?: WorldRegionCode;

  @ApiPropertyOptional({ example: 'IT' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  city?: string;

  @ApiPropertyOptional({ enum: CONTENT_LANGUAGES })
  @IsOptional()
  @IsIn(CONTENT_LANGUAGES)
  language?: ContentLanguage;

  @ApiPropertyOptional({ minimum: 2000, maximum: 2100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  featured?: boolean;

  @ApiPropertyOptional({ enum: RESOURCE_STATUSES })
  @IsOptional()
  @IsIn(RESOURCE_STATUSES)
  status?: ResourceStatus;

  @ApiPropertyOptional({ maxLength: L.query, description: 'Words in the title or summary.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(L.query)
  q?: string;

  @ApiPropertyOptional({ enum: RESOURCE_SORTS, default: 'newest' })
  @IsOptional()
  @IsIn(RESOURCE_SORTS)
  sort?: ResourceSort;

  @ApiPropertyOptional({ description: "The previous page's nextCursor." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: L.pageSize, default: 24 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(L.pageSize)
  limit?: number;
}

export class ResourceReviewBody implements ResourceReviewRequest {
  @ApiProperty({ enum: RESOURCE_REVIEW_ACTIONS })
  @IsIn(RESOURCE_REVIEW_ACTIONS)
  action: ResourceReviewAction;

  @ApiPropertyOptional({
    maxLength: L.reviewComment,
    description: 'Why: required for request-changes and reject; the author reads it.',
  })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(L.reviewComment)
  comment?: string;
}

export class FeatureResourceBody implements FeatureResourceRequest {
  @ApiProperty() @IsBoolean() featured: boolean;
}

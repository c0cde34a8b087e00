/**
 * The knowledge library: good practices and other resources cities share (domain.md
 * GoodPractice/Resource), who may see and change them, and their review for programme-wide
 * publication. Shared by the API (which enforces it) and the web (which hides what it would refuse).
 */
import type { PairingRole, ProgrammeRole } from './roles.js';
import type { ThemeCode, WorldRegionCode } from './taxonomies.js';

export const RESOURCE_KINDS = [
  'good_practice',
  'case_study',
  'action_plan_summary',
  'guideline',
  'toolkit',
  'report',
  'dataset',
  'recording',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Global agendas an item can serve besides the SDGs. */
export const AGENDAS = ['new-urban-agenda', 'sendai', 'paris'] as const;
export type AgendaCode = (typeof AGENDAS)[number];

/** Languages an item can be written in (the UI languages; content may be in any of them). */
export const CONTENT_LANGUAGES = ['en', 'es', 'pt', 'fr', 'it', 'de', 'zh', 'ja'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/**
 * Who sees an item: the whole programme (after an officer publishes it), one pairing's members,
 * or one city's team inside a pairing (its side, e.g. a draft).
 */
export const RESOURCE_SCOPE_LEVELS = ['programme', 'pairing', 'side'] as const;
export type ResourceScopeLevel = (typeof RESOURCE_SCOPE_LEVELS)[number];

/**
 * `shared`: a pairing or side item, visible to its scope at once (no review).
 * Programme-wide items go through review: submitted → changes_requested ⇄ submitted → published,
 * or rejected (with a reason).
 */
export const RESOURCE_STATUSES = [
  'shared',
  'submitted',
  'changes_requested',
  'published',
  'rejected',
] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

export const RESOURCE_REVIEW_ACTIONS = ['publish', 'request-changes', 'reject'] as const;
export type ResourceReviewAction = (typeof RESOURCE_REVIEW_ACTIONS)[number];

/** The status a review action leads to, from `submitted` only. */
export const RESOURCE_REVIEW_RESULT: Record<ResourceReviewAction, ResourceStatus> = {
  publish: 'published',
  'request-changes': 'changes_requested',
  reject: 'rejected',
};

/** A deleted item stays in the trash this long; its author or an officer may restore it. */
export const RESOURCE_TRASH_DAYS = 30;

/** Bounds every request is checked against. */
export const LIBRARY_LIMITS = {
  title: 200,
  /** Each long text field (problem, approach…). */
  field: 20_000,
  summary: 500,
  contact: 500,
  links: 20,
  link: 2_000,
  themes: 8,
  sdgs: 17,
  filesPerItem: 30,
  reviewComment: 4_000,
  /** Upload ids attached, or file ids taken off, in one request. */
  fileIds: 30,
  /** Search words (`q`). */
  query: 200,
  pageSize: 100,
} as const;

/** The structured fields of a good practice (URBACT's criteria; Interreg: failures teach too). */
export const GOOD_PRACTICE_FIELDS = [
  'problem',
  'approach',
  'participation',
  'results',
  'resourcesNeeded',
  'timescale',
  'transferability',
  'lessons',
] as const;
export type GoodPracticeField = (typeof GOOD_PRACTICE_FIELDS)[number];

export interface ResourceScope {
  level: ResourceScopeLevel;
  /** Required for `pairing` and `side`. */
  pairingId?: string | null;
  /** Required for `side`: the city whose team sees it. */
  authorityId?: string | null;
}

export interface ResourceFields {
  /** One line under the title. */
  summary: string;
  problem: string;
  approach: string;
  /** Participatory and integrated aspects. */
  participation: string;
  /** Results and evidence. */
  results: string;
  resourcesNeeded: string;
  timescale: string;
  /** Conditions and success factors for another city. */
  transferability: string;
  /** Lessons, failures included. */
  lessons: string;
  contact: string;
  links: string[];
}

export interface CreateResourceRequest extends Partial<ResourceFields> {
  kind: ResourceKind;
  title: string;
  language: ContentLanguage;
  themes: ThemeCode[];
  sdgs: number[];
  agendas?: AgendaCode[];
  /** The city the item is about (tagging); defaults to the scope's city. */
  cityId?: string | null;
  scope: ResourceScope;
  /** Finished tus uploads (ids from `Location: /api/uploads/<id>`) to attach as files. */
  uploadIds?: string[];
}

export interface UpdateResourceRequest extends Partial<Omit<CreateResourceRequest, 'uploadIds'>> {
  /** More finished uploads to attach. */
  uploadIds?: string[];
  /** Files to take off the item (they stay with its history until the item is purged). */
  removeFileIds?: string[];
  /** The `updatedAt` the editor started from: a 409 when someone saved in between. */
  baseUpdatedAt?: string;
}

export const FILE_STATUSES = ['processing', 'ready', 'failed'] as const;
/** `processing`: text and preview are being made; `failed`: they could not be (still downloadable). */
export type FileStatus = (typeof FILE_STATUSES)[number];

/** How the web shows a file: its preview image, a player, or an icon with text. */
export type FilePresentation = 'image' | 'pdf' | 'office' | 'audio' | 'video' | 'text' | 'other';

export interface ResourceFileDto {
  id: string;
  name: string;
  /** The type sniffed from the bytes (never the client's claim). */
  type: string;
  size: number;
  sha256: string;
  status: FileStatus;
  presentation: FilePresentation;
  /** `GET /api/files/:id/preview` answers an image. */
  hasPreview: boolean;
  /** Number of pages for PDFs (and office files converted to PDF), when known. */
  pages: number | null;
  /** The first paragraphs of the extracted text, when there is text. */
  excerpt: string | null;
  /** Why extraction or the preview failed (status `failed`), in words. */
  error: string | null;
}

export interface ResourceCityDto {
  id: string;
  name: string;
  countryCode: string;
  region: WorldRegionCode;
}

export interface ResourceRightsDto {
  edit: boolean;
  delete: boolean;
  review: boolean;
  feature: boolean;
}

export interface ResourceSummaryDto {
  id: string;
  kind: ResourceKind;
  title: string;
  summary: string;
  status: ResourceStatus;
  scope: ResourceScope;
  language: ContentLanguage;
  themes: ThemeCode[];
  sdgs: number[];
  agendas: AgendaCode[];
  city: ResourceCityDto | null;
  author: { id: string; name: string };
  featured: boolean;
  /** A file with a preview to show on the card. */
  thumbnailFileId: string | null;
  fileCount: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  /** Set when the item is in the trash. */
  deletedAt: string | null;
}

export interface ResourceReviewDto {
  id: string;
  action: ResourceReviewAction | 'submit';
  status: ResourceStatus;
  comment: string | null;
  actor: { id: string; name: string };
  at: string;
}

export interface ResourceDto extends ResourceSummaryDto, ResourceFields {
  files: ResourceFileDto[];
  rights: ResourceRightsDto;
  reviews: ResourceReviewDto[];
}

export interface FacetCountDto {
  value: string;
  count: number;
}

export interface ResourceFacetsDto {
  kind: FacetCountDto[];
  theme: FacetCountDto[];
  sdg: FacetCountDto[];
  region: FacetCountDto[];
  country: FacetCountDto[];
  city: (FacetCountDto & { label: string })[];
  language: FacetCountDto[];
  year: FacetCountDto[];
}

export interface ResourceListDto {
  items: ResourceSummaryDto[];
  nextCursor: string | null;
  /** Counts over what the caller may see under the other filters (only on the first page). */
  facets: ResourceFacetsDto | null;
}

export const RESOURCE_SORTS = ['newest', 'relevance'] as const;
export type ResourceSort = (typeof RESOURCE_SORTS)[number];

/** GET /api/resources: every filter optional; facets come with the first page only. */
export interface ResourceListQuery {
  kind?: ResourceKind;
  theme?: ThemeCode;
  sdg?: number;
  region?: WorldRegionCode;
  /** ISO 3166-1 alpha-2 of the tagged city. */
  country?: string;
  /** The tagged city's authority id. */
  city?: string;
  language?: ContentLanguage;
  /** Of publication (or creation, for what is not published). */
  year?: number;
  featured?: boolean;
  status?: ResourceStatus;
  /** Words in the title or summary. */
  q?: string;
  /** `relevance`: title matches of `q` first, then newest. */
  sort?: ResourceSort;
  cursor?: string;
  limit?: number;
}

/** POST /api/resources/:id/feature */
export interface FeatureResourceRequest {
  featured: boolean;
}

export interface ResourceReviewRequest {
  action: ResourceReviewAction;
  comment?: string;
}

export interface ResourceRevisionDto {
  id: string;
  actor: { id: string; name: string };
  at: string;
  /** The fields that changed, with old and new values (files as names). */
  changes: { field: string; before: unknown; after: unknown }[];
}

/** A plan action that names the item as its inspiration. */
export interface ResourceCitationDto {
  planId: string;
  pairingId: string;
  planTitle: string;
  actionId: string;
  actionTitle: string;
}

/** What a person is to one item (the access service fills it). */
export interface ResourceStanding {
  programmeRole: ProgrammeRole | null;
  pairingRole: PairingRole | null;
  /** Works for the item's city (side items) or is in its pairing on the item's side. */
  ownSide: boolean;
  author: boolean;
}

export interface ResourceState {
  level: ResourceScopeLevel;
  status: ResourceStatus;
  deleted: boolean;
}

export interface ResourceRights extends ResourceRightsDto {
  read: boolean;
  restore: boolean;
}

/**
 * Who may do what with one item:
 * - programme items: everyone signed in reads them once published; before that the author and
 *   programme staff. Staff who hold no role in the item's pairing review them.
 * - pairing items: the pairing's members and programme staff.
 * - side items: that city's team (and the author) only: a draft is not the partner's nor the
 *   programme's business until shared.
 * Editing: the author, their city's coordinators and editors; programme staff for programme items.
 * The trash: only the author and programme staff see and restore a deleted item.
 */
export function resourceRights(s: ResourceStanding, r: ResourceState): ResourceRights {
  const staff = s.programmeRole !== null;
  const cityWriter = s.ownSide && (s.pairingRole === 'coordinator' || s.pairingRole === 'editor');
  let read: boolean;
  if (r.level === 'programme') read = r.status === 'published' || s.author || staff;
  else if (r.level === 'pairing') read = staff || s.author || s.pairingRole !== null;
  else read = s.author || s.ownSide;
  if (r.deleted) {
    const restore = s.author || staff;
    return {
      read: restore,
      edit: false,
      delete: false,
      review: false,
      feature: false,
      restore,
    };
  }
  const edit = read && (s.author || cityWriter || (staff && r.level === 'programme'));
  return {
    read,
    edit,
    delete: edit,
    review: staff && s.pairingRole === null && r.level === 'programme' && r.status === 'submitted',
    feature: staff && r.level === 'programme' && r.status === 'published',
    restore: false,
  };
}

/** The status an item takes when saved at `level` (from `status`, null when new). */
export function statusOnSave(
  level: ResourceScopeLevel,
  status: ResourceStatus | null,
): ResourceStatus {
  if (level !== 'programme') return 'shared';
  // Edits to a published item stay published (officers edit too); a rejected one is resubmitted.
  if (status === 'published') return 'published';
  return 'submitted';
}

/** The kind of preview and player the web shows for a sniffed type. */
export function filePresentation(type: string): FilePresentation {
  if (type.startsWith('image/') && type !== 'image/svg+xml') return 'image';
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('text/')) return 'text';
  if (
    type.startsWith('application/vnd.openxmlformats-officedocument') ||
    type.startsWith('application/vnd.oasis.opendocument') ||
    type === 'application/msword' ||
    type === 'application/vnd.ms-excel' ||
    type === 'application/vnd.ms-powerpoint' ||
    type === 'application/rtf'
  )
    return 'office';
  return 'other';
}

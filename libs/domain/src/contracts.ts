/**
 * Request and response shapes of the REST API. The API's DTO classes implement these; the web client
 * imports them. Nothing here is an entity.
 */
import type {
  AuthorityKind,
  PairingSide,
  PairingStatus,
  ThemeCode,
  WorldRegionCode,
} from './taxonomies.js';
import type { PairingRole, ProgrammeRole } from './roles.js';
import type {
  PlanSectionDefinition,
  PlanSectionKey,
  PlanStatus,
  SubmissionCheck,
} from './plan-template.js';
import type { PlanContentDiff } from './plan-diff.js';
import type { MembershipChangeKind } from './membership-change.js';

export interface ApiError {
  statusCode: number;
  error: string;
  message: string | string[];
  /** Which error this is, for clients to branch on (the message is for people). */
  code: ApiErrorCode;
}

/**
 * The codes of errors that name no reason of their own, one per kind of HTTP status. Socket
 * acknowledgements use the same words, so one client branch serves both.
 */
export const GENERIC_ERROR_CODES = [
  /** 400: the request or payload failed validation. */
  'invalid',
  /** 401: no live session. */
  'unauthorized',
  /** 403: readable but not allowed. */
  'forbidden',
  /** 404: unknown, or not readable by this person (one answer, so ids cannot be probed). */
  'not_found',
  /** 409: the resource changed meanwhile, or the request clashes with its state. */
  'conflict',
  /** 413: over a size limit. */
  'too_large',
  /** 422: well-formed but refused by a rule (e.g. a plan that is not ready for submission). */
  'unprocessable',
  /** 429: over a rate limit; retry after Retry-After (seconds) when given. */
  'rate_limited',
  /** Any other 4xx. */
  'refused',
  /** 503: a dependency is out of reach or the server is saturated; try again later. */
  'unavailable',
  /** Any other 5xx: a fault on the server's side, logged there. */
  'internal',
] as const;
export type GenericErrorCode = (typeof GENERIC_ERROR_CODES)[number];

const GENERIC_BY_STATUS: Readonly<Record<number, GenericErrorCode>> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'unavailable',
};

/** The generic code of an error status (the API's for uncoded errors, the web's for bodiless ones). */
export function genericErrorCode(status: number): GenericErrorCode {
  return GENERIC_BY_STATUS[status] ?? (status < 500 ? 'refused' : 'internal');
}

/** The machine-readable `code`s of ApiError: the generic ones, then reasons of their own. */
export const API_ERROR_CODES = [
  ...GENERIC_ERROR_CODES,
  /** The page's address is not one the server accepts (PUBLIC_URL / ALLOWED_ORIGINS). */
  'origin_not_allowed',
  /** Too many failed sign-ins: wait Retry-After (seconds). */
  'login_throttled',
  /** Too many sign-ins being checked at once: retry after Retry-After (seconds). */
  'login_busy',
  /** The invitation is for an existing account: sign in as it, then accept. */
  'invitation.sign_in_required',
  /** Signed in as someone other than the invitation's address. */
  'invitation.other_account',
  /** Accepting would lower or move the person's membership: send confirmChange: true. */
  'invitation.confirm_change',
  /** Programme staff hold no role inside a pairing. */
  'invitation.staff_account',
  /** A city's coordinator invites to their own city's side only. */
  'invitation.own_side_only',
  /** A library item was saved by someone else since `baseUpdatedAt`: reload and edit again. */
  'resource.stale_edit',
  /** The item is not waiting for review (already decided, or changed meanwhile). */
  'resource.not_submitted',
  /** A pairing or side scope the author does not belong to (or a city not in that pairing). */
  'resource.scope_not_member',
  /** request-changes and reject need a comment saying why. */
  'resource.comment_required',
  /** An upload id that is not a finished upload of the caller's, or a file not on the item. */
  'resource.bad_file',
  /** A cursor that is not one of this list's. */
  'resource.bad_cursor',
  /** The item has been in the trash longer than RESOURCE_TRASH_DAYS. */
  'resource.trash_expired',
  /** 400: a tus creation without a declared Upload-Length (deferred lengths are refused). */
  'upload.length_required',
  /** 400: a tus creation without `filename` and `filetype` in Upload-Metadata. */
  'upload.metadata_required',
  /** 413: the declared Upload-Length is over UPLOAD_MAX_BYTES. */
  'upload.too_large',
  /** 429: too many unfinished uploads (count or bytes) for this person. */
  'upload.quota_exceeded',
  /** 415: the bytes are not of an accepted type (e.g. an HTML page named .pdf); nothing was kept. */
  'upload.type_refused',
  /** 409: the upload is finished; it takes no more bytes and cannot be cancelled. */
  'upload.finished',
  /** 400: an upload id that is unknown, someone else's, unfinished or attached elsewhere. */
  'upload.not_attachable',
  /** 400: the search query is empty (nothing searchable in it) or over SEARCH_LIMITS.queryMaxChars. */
  'search.empty_query',
  'search.query_too_long',
  /** 400: a search cursor that is not one of this query's. */
  'search.bad_cursor',
  /** 429: searching faster than SEARCH_PACE allows for long: wait Retry-After (seconds). */
  'search.too_fast',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface MembershipDto {
  pairingId: string;
  role: PairingRole;
  /** The city side's authority the member works for; null for observers of the whole pairing. */
  authorityId: string | null;
}

export interface UserDto {
  id: string;
  email: string;
  name: string;
  programmeRole: ProgrammeRole | null;
  locale: string;
  memberships: MembershipDto[];
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface SessionResponse {
  user: UserDto;
  /** Bearer token for API clients; the browser uses the httpOnly cookie set with the same session. */
  token: string;
  /** Send as the `X-CSRF-Token` header with every cookie-authenticated mutation. */
  csrfToken: string;
}

export interface MeResponse {
  user: UserDto;
  csrfToken: string;
}

export interface PopulationDto {
  value: number;
  year: number | null;
  scope: 'city' | 'metro' | 'luz' | 'group';
  source: string | null;
}

export interface AuthoritySummaryDto {
  id: string;
  name: string;
  countryIso: string;
}

export interface AuthorityDto extends AuthoritySummaryDto {
  localName: string | null;
  kind: AuthorityKind;
  parent: AuthoritySummaryDto | null;
  worldRegion: WorldRegionCode;
  population: PopulationDto | null;
  languages: string[];
  timeZone: string;
  geo: { lat: number; lon: number } | null;
}

export interface MunicipalityGroupDto {
  id: string;
  name: string;
  lead: AuthoritySummaryDto;
  members: AuthoritySummaryDto[];
  /** Sum of the members' populations; null when one is unknown. */
  combinedPopulation: number | null;
  coordinatingBody: string | null;
}

export interface PairingSummaryDto {
  id: string;
  /** e.g. "Belfast – Medellín, Santiago de Cali". */
  title: string;
  callCode: string;
  themes: ThemeCode[];
  status: PairingStatus;
  /** The partner side's world region. */
  region: WorldRegionCode;
  startDate: string | null;
  termMonths: number;
  /** startDate + termMonths, when the start is known. */
  endDate: string | null;
  eu: AuthoritySummaryDto[];
  partner: AuthoritySummaryDto[];
}

export interface PairingSideDto {
  side: PairingSide;
  authorities: AuthorityDto[];
  /** When the side applied as a municipality group (e.g. Graz with central Styria). */
  group: MunicipalityGroupDto | null;
}

export interface PairingMemberDto {
  userId: string;
  name: string;
  /** Only shown to the pairing's members and programme staff. */
  email: string | null;
  role: PairingRole;
  authorityId: string | null;
}

export interface PairingDetailDto extends PairingSummaryDto {
  description: string | null;
  notes: string | null;
  sides: PairingSideDto[];
  members: PairingMemberDto[];
  /** What the viewer may do here, so the client hides what the API would refuse. */
  permissions: { invite: boolean; manage: boolean; grantableRoles: PairingRole[] };
}

export interface PairingFilters {
  region?: WorldRegionCode;
  country?: string;
  call?: string;
  theme?: ThemeCode;
  text?: string;
}

export interface DemoAccountDto {
  email: string;
  name: string;
  role: ProgrammeRole | PairingRole;
  authority: string | null;
  pairingIds: string[];
}

export interface CreateInvitationRequest {
  email: string;
  name: string;
  role: PairingRole;
  authorityId?: string | null;
}

export interface InvitationDto {
  id: string;
  email: string;
  name: string;
  pairingId: string;
  role: PairingRole;
  authorityId: string | null;
  expiresAt: string;
  acceptedAt: string | null;
}

export interface InvitationPreviewDto {
  email: string;
  name: string;
  pairingTitle: string;
  role: PairingRole;
  /** The city side the invitation is for (its authority's name); null for the whole pairing. */
  city: string | null;
  expiresAt: string;
  /** The email already has an account: accepting needs signing in as it (and never changes its password). */
  hasAccount: boolean;
  /** Only to the invitee, signed in: what accepting does to their membership in the pairing. */
  change: MembershipChangeDto | null;
}

/** A role in a pairing and the city side it is on (null: the whole pairing). */
export interface MembershipPlaceDto {
  role: PairingRole;
  authorityId: string | null;
  city: string | null;
}

export interface MembershipChangeDto {
  kind: MembershipChangeKind;
  current: MembershipPlaceDto | null;
  next: MembershipPlaceDto;
  /** Accepting needs confirmChange: true (the change lowers or moves the membership). */
  needsConfirmation: boolean;
}

export interface AcceptInvitationRequest {
  token: string;
  /** Required (8–200 characters) when accepting creates the account; ignored for an existing one. */
  password?: string;
  /** The new account's name; defaults to the name on the invitation. */
  name?: string;
  /** The person agrees that accepting lowers or moves their membership (see the preview's change). */
  confirmChange?: boolean;
}

export interface AcceptInvitationResponse {
  /** The pairing joined. */
  pairingId: string;
  user: UserDto;
  /**
   * When accepting created the account, its new session (as from POST /api/auth/login; the cookie
   * is set too). Null for an existing account: it accepted while signed in and stays so.
   */
  session: { token: string; csrfToken: string } | null;
}

export interface OutboxMailDto {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

export interface HealthDto {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  version: string;
}

// ---- Local Action Plans ----

/** A person named on a record (author of a version, reviewer); null when the account is gone. */
export interface PersonRefDto {
  id: string;
  name: string;
}

export interface PlanSummaryDto {
  id: string;
  pairingId: string;
  /** The city side the plan belongs to. */
  authorityId: string;
  title: string;
  status: PlanStatus;
  /** The collab document: connect to `/collab/<documentName>`. */
  documentName: string;
}

/** What the signed-in person may do with a plan (from `planRights`). */
export interface PlanPermissionsDto {
  canEdit: boolean;
  canManageVersions: boolean;
  /** Statuses the person may move the plan to now. */
  transitions: PlanStatus[];
}

export interface PlanDetailDto extends PlanSummaryDto {
  authority: AuthoritySummaryDto;
  /** BCP-47 language the plan is written in. */
  language: string;
  /** The 12 sections of the template, in order. */
  sections: PlanSectionDefinition[];
  permissions: PlanPermissionsDto;
  /** The submission rules run on the current content. */
  submission: SubmissionCheck;
  updatedAt: string;
}

export const PLAN_VERSION_KINDS = ['manual', 'submission', 'restore'] as const;
export type PlanVersionKind = (typeof PLAN_VERSION_KINDS)[number];

export interface PlanVersionDto {
  id: string;
  planId: string;
  name: string;
  /** manual: saved by hand; submission: saved when submitted; restore: the state right after a restore. */
  kind: PlanVersionKind;
  author: PersonRefDto | null;
  createdAt: string;
  /** For a restore: the version that was restored. */
  restoredFrom: { id: string; name: string } | null;
  /** For a restore of one section only: that section. */
  section: PlanSectionKey | null;
}

export interface CreatePlanVersionRequest {
  name: string;
}

export interface RestorePlanVersionRequest {
  /** Restore only this section (for `actions`: its text and the action table); else the whole plan. */
  section?: PlanSectionKey;
}

export interface PlanVersionDiffDto extends PlanContentDiff {
  version: PlanVersionDto;
}

export interface PlanTransitionRequest {
  to: PlanStatus;
  comment?: string;
}

/** One step of the review log. */
export interface PlanReviewDto {
  id: string;
  planId: string;
  from: PlanStatus;
  to: PlanStatus;
  comment: string | null;
  actor: PersonRefDto | null;
  /** The version saved with the step (submissions). */
  versionId: string | null;
  createdAt: string;
}

/** GET /api/review-queue: what waits for programme staff's verdict, and where all plans stand. */
export interface ReviewQueueDto {
  /** Plans waiting for a verdict, the longest-waiting first. */
  items: ReviewQueueItemDto[];
  /** How many of the programme's plans are in each status. */
  statusCounts: Record<PlanStatus, number>;
}

/** A plan waiting for programme staff's verdict. */
export interface ReviewQueueItemDto {
  plan: PlanSummaryDto;
  /** When it was last submitted (the queue is oldest first). */
  submittedAt: string;
  submittedBy: PersonRefDto | null;
  /** Submitted again after changes were requested. */
  resubmitted: boolean;
}

export interface PlanTransitionResultDto {
  status: PlanStatus;
  review: PlanReviewDto;
  version: PlanVersionDto | null;
}

export const PLAN_EXPORT_FORMATS = ['md', 'docx', 'pdf'] as const;
export type PlanExportFormat = (typeof PLAN_EXPORT_FORMATS)[number];

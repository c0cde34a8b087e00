import type {
  NotificationDto,
  NotificationsUnreadDto,
  PairingRole,
  PlanStatus,
  ResourceStatus,
} from '@iuc/domain';

/** Someone was mentioned in a message: whom to tell (the author and readers-only already left out). */
export interface MentionEvent {
  pairingId: string;
  channelId: string;
  messageId: string;
  parentId: string | null;
  actorId: string;
  /** The start of the message, one line. */
  excerpt: string;
  userIds: string[];
}

/** A plan moved along the review workflow (see PLAN_TRANSITIONS). */
export interface PlanReviewStepEvent {
  pairingId: string;
  planId: string;
  /** The plan's city: its coordinators and editors hear of the programme's verdicts. */
  authorityId: string;
  status: PlanStatus;
  /** Whose move it was: the city (submitting, adopting) or the programme (reviewing). */
  movedBy: 'city' | 'programme';
  actorId: string;
  /** The comment given with the step, if any. */
  comment: string | null;
}

export interface MessageEvent {
  pairingId: string;
  channelId: string;
  messageId: string;
  parentId: string | null;
  authorId: string;
}

/** A library item went through a review step (or was submitted): its author hears of it. */
export interface ResourceReviewStepEvent {
  resourceId: string;
  title: string;
  status: ResourceStatus;
  authorId: string;
  actorId: string;
  comment: string | null;
}

/** A stored file's text and preview were made (or could not be). */
export interface FileProcessedEvent {
  fileId: string;
  /** What the file belongs to, e.g. 'resource' and its id. */
  subjectKind: string;
  subjectId: string;
  status: 'ready' | 'failed';
}

export interface MemberEvent {
  pairingId: string;
  userId: string;
  role: PairingRole;
  /** The city side (authority) of the membership; null for the whole pairing. */
  authorityId: string | null;
}

/**
 * Every event a module publishes, by type. Producers publish, subscribers react; neither imports
 * the other. The types in DURABLE_EVENTS go through the outbox (see OutboxRelay).
 */
export interface DomainEvents {
  'plan.submitted': PlanReviewStepEvent;
  /** A verdict: changes requested, or approved. */
  'plan.reviewed': PlanReviewStepEvent;
  'plan.adopted': PlanReviewStepEvent;
  /** The plan's co-edited text changed and its projections were rewritten. */
  'plan.text-changed': { planId: string };
  'message.posted': MessageEvent & { mentionIds: string[] };
  'message.edited': MessageEvent & { excerpt: string };
  'message.deleted': MessageEvent;
  mention: MentionEvent;
  'member.added': MemberEvent;
  /** A library item was created, edited, deleted or restored (search reindexes it). */
  'resource.changed': { resourceId: string };
  'resource.review-step': ResourceReviewStepEvent;
  'file.processed': FileProcessedEvent;
  'member.removed': MemberEvent;
  /** Notifications' own news, for the realtime layer that pushes it to the person's connections. */
  'notification.created': { userId: string; notification: NotificationDto };
  'notification.read': { userId: string; state: NotificationsUnreadDto };
}

export type DomainEventType = keyof DomainEvents;

export interface DomainEvent<K extends DomainEventType = DomainEventType> {
  /** Unique per event: what idempotent subscribers dedupe on (the outbox row's id when durable). */
  id: string;
  type: K;
  payload: DomainEvents[K];
}

/**
 * Events whose effect must not be lost once the user saw their step succeed: written to the outbox
 * in the producer's transaction, delivered after commit at least once. Their subscribers must be
 * idempotent (dedupe on the event's id).
 */
export const DURABLE_EVENTS = [
  'mention',
  'plan.submitted',
  'plan.reviewed',
  'plan.adopted',
  'member.added',
  'member.removed',
  'resource.review-step',
] as const satisfies readonly DomainEventType[];
export type DurableEventType = (typeof DURABLE_EVENTS)[number];

/** The event a review step publishes, by the status it reached. */
export function planStepEventType(
  status: PlanStatus,
): 'plan.submitted' | 'plan.reviewed' | 'plan.adopted' {
  if (status === 'submitted') return 'plan.submitted';
  return status === 'adopted' ? 'plan.adopted' : 'plan.reviewed';
}

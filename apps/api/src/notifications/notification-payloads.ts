import type { PlanStatus, ResourceStatus } from '@iuc/domain';

/** The `payload` of a mention (its subject is the message). */
export interface MentionPayload {
  channelId: string;
  parentId: string | null;
  excerpt: string;
}

/** The `payload` of a plan's review step (its subject is the plan). */
export interface PlanReviewPayload {
  status: PlanStatus;
  excerpt: string;
}

/** The `payload` of a library item's review step (its subject is the item). */
export interface ResourceReviewPayload {
  status: ResourceStatus;
  /** The item's title when the step was taken. */
  title: string;
  excerpt: string;
}

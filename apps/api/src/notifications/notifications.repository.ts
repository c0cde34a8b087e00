import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { NotificationKind, ProgrammeRole } from '@iuc/domain';
import type { Position } from '../common/cursor.js';
import { excerpt } from '../common/excerpt.js';
import { AT } from '../common/sql-time.js';
import type { Queryable } from '../database/queryable.js';
import type {
  MentionEvent,
  PlanReviewStepEvent,
  ResourceReviewStepEvent,
} from '../events/domain-events.js';
import type { NotificationSubjectType } from './notification.entity.js';
import type {
  MentionPayload,
  PlanReviewPayload,
  ResourceReviewPayload,
} from './notification-payloads.js';

type Payload = MentionPayload | PlanReviewPayload | ResourceReviewPayload;

export interface NotificationRow {
  id: string;
  userId: string;
  kind: NotificationKind;
  /** Null for programme-wide subjects (a library item's review). */
  pairingId: string | null;
  subjectType: NotificationSubjectType;
  subjectId: string;
  payload: Payload;
  /** The plan's current title, for a plan subject. */
  planTitle: string | null;
  actorId: string;
  actorName: string;
  createdAt: Date;
  readAt: Date | null;
  position: Position;
}

/** A mention's notifications (the demo seed dates them like their message). */
export type NewMention = MentionEvent & {
  /** When, in µs since the epoch; now if left out. */
  createdMicros?: bigint;
};

interface Raw {
  id: string;
  user_id: string;
  kind: NotificationKind;
  pairing_id: string | null;
  subject_type: NotificationSubjectType;
  subject_id: string;
  payload: Payload;
  plan_title: string | null;
  actor_id: string;
  actor_name: string;
  created_at: Date;
  read_at: Date | null;
  micros: string;
}

const COLUMNS = `n.id, n.user_id, n.kind, n.pairing_id, n.subject_type, n.subject_id, n.payload, p.title AS plan_title,
  n.actor_id, a.name AS actor_name, n.created_at, n.read_at, (extract(epoch FROM n.created_at) * 1000000)::bigint::text AS micros`;
/** What COLUMNS reads from, given the notifications as `n`. */
const JOINS = `JOIN users a ON a.id = n.actor_id LEFT JOIN plans p ON n.subject_type = 'plan' AND p.id = n.subject_id`;

function toRow(r: Raw): NotificationRow {
  return {
    id: r.id,
    userId: r.user_id,
    kind: r.kind,
    pairingId: r.pairing_id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    payload: r.payload,
    planTitle: r.plan_title,
    actorId: r.actor_id,
    actorName: r.actor_name,
    createdAt: r.created_at,
    readAt: r.read_at,
    position: { micros: r.micros, id: r.id },
  };
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Answers only the notifications written now: a redelivered event writes none. */
  insertMentions(eventId: string, m: NewMention): Promise<NotificationRow[]> {
    return insertMentionNotifications(this.dataSource, m, eventId);
  }

  /**
   * Who hears of a review step: the programme's officers when the city moved the plan (they
   * review it), the plan's city coordinators and editors when the programme did (they write it).
   * Not the person who made the step, nor disabled accounts.
   */
  async insertPlanReviewStep(
    eventId: string,
    step: PlanReviewStepEvent,
    userIds: readonly string[],
  ): Promise<NotificationRow[]> {
    if (!userIds.length) return [];
    const payload: PlanReviewPayload = {
      status: step.status,
      excerpt: step.comment ? excerpt(step.comment) : '',
    };
    const rows: Raw[] = await this.dataSource.query(
      `WITH n AS (
         INSERT INTO notifications (user_id, kind, subject_type, subject_id, pairing_id, actor_id, payload, event_id)
         SELECT u, 'plan-review', 'plan', $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS u
         ON CONFLICT (event_id, user_id) DO NOTHING
         RETURNING *)
       SELECT ${COLUMNS} FROM n ${JOINS}`,
      [userIds, step.planId, step.pairingId, step.actorId, JSON.stringify(payload), eventId],
    );
    return rows.map(toRow);
  }

  /**
   * Who hears of a library item's review step: its author of a verdict, programme staff of a
   * submission (the service picks them). Programme-wide: no pairing.
   */
  async insertResourceReviewStep(
    eventId: string,
    step: ResourceReviewStepEvent,
    userIds: readonly string[],
  ): Promise<NotificationRow[]> {
    if (!userIds.length) return [];
    const payload: ResourceReviewPayload = {
      status: step.status,
      title: step.title,
      excerpt: step.comment ? excerpt(step.comment) : '',
    };
    const rows: Raw[] = await this.dataSource.query(
      `WITH n AS (
         INSERT INTO notifications (user_id, kind, subject_type, subject_id, pairing_id, actor_id, payload, event_id)
         SELECT u, 'resource-review', 'resource', $2, NULL, $3, $4, $5 FROM unnest($1::uuid[]) AS u
         ON CONFLICT (event_id, user_id) DO NOTHING
         RETURNING *)
       SELECT ${COLUMNS} FROM n ${JOINS}`,
      [userIds, step.resourceId, step.actorId, JSON.stringify(payload), eventId],
    );
    return rows.map(toRow);
  }

  async page(
    userId: string,
    before: Position | undefined,
    limit: number,
  ): Promise<NotificationRow[]> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications n ${JOINS}
        WHERE n.user_id = $1
          ${before ? `AND (n.created_at, n.id) < (${AT('$3')}, $4::uuid)` : ''}
        ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      before ? [userId, limit, before.micros, before.id] : [userId, limit],
    );
    return rows.map(toRow);
  }

  /**
   * Unread notifications by pairing (so that those of pairings the person left can be left out);
   * null: those of no pairing.
   */
  async unreadByPairing(userId: string): Promise<Map<string | null, number>> {
    const rows: { pairing_id: string | null; n: string }[] = await this.dataSource.query(
      'SELECT pairing_id, count(*) AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL GROUP BY pairing_id',
      [userId],
    );
    return new Map(rows.map((r) => [r.pairing_id, Number(r.n)]));
  }

  async markRead(userId: string, ids: readonly string[] | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [userId, ids],
    );
  }

  /** Deletes a subject's notifications; answers whose they were (with their programme role). */
  async deleteForSubject(
    type: NotificationSubjectType,
    id: string,
  ): Promise<{ userId: string; programmeRole: ProgrammeRole | null }[]> {
    // A CTE, because TypeORM answers a top-level DELETE with [rows, count].
    const rows: { user_id: string; programme_role: ProgrammeRole | null }[] =
      await this.dataSource.query(
        `WITH d AS (DELETE FROM notifications WHERE subject_type = $1 AND subject_id = $2 RETURNING user_id)
       SELECT DISTINCT u.id AS user_id, u.programme_role FROM d JOIN users u ON u.id = d.user_id`,
        [type, id],
      );
    return rows.map((r) => ({ userId: r.user_id, programmeRole: r.programme_role }));
  }

  /** A new excerpt for a subject's notifications (an edited message). */
  async updateExcerpt(type: NotificationSubjectType, id: string, excerpt: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET payload = jsonb_set(payload, '{excerpt}', to_jsonb($3::text)) WHERE subject_type = $1 AND subject_id = $2`,
      [type, id, excerpt],
    );
  }
}

/**
 * One notification per mentioned person; none twice for the same message (nor for the same
 * event). A plain function so that the demo seed writes its starter mentions with it, inside its
 * transaction.
 */
export async function insertMentionNotifications(
  db: Queryable,
  m: NewMention,
  eventId: string | null = null,
): Promise<NotificationRow[]> {
  if (!m.userIds.length) return [];
  const payload: MentionPayload = {
    channelId: m.channelId,
    parentId: m.parentId,
    excerpt: m.excerpt,
  };
  const rows = (await db.query(
    `WITH n AS (
       INSERT INTO notifications (user_id, kind, subject_type, subject_id, pairing_id, actor_id, payload, event_id, created_at)
       SELECT u, 'mention', 'message', $3, $2, $4, $5, $6, coalesce(${AT('$7')}, now()) FROM unnest($1::uuid[]) AS u
        WHERE NOT EXISTS (SELECT 1 FROM notifications o WHERE o.user_id = u AND o.subject_type = 'message' AND o.subject_id = $3)
       ON CONFLICT (event_id, user_id) DO NOTHING
       RETURNING *)
     SELECT ${COLUMNS} FROM n ${JOINS}`,
    [
      m.userIds,
      m.pairingId,
      m.messageId,
      m.actorId,
      JSON.stringify(payload),
      eventId,
      m.createdMicros?.toString() ?? null,
    ],
  )) as Raw[];
  return rows.map(toRow);
}

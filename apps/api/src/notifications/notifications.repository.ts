import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { NotificationKind, PlanStatus, ProgrammeRole } from '@iuc/domain';
import type { Position } from '../common/cursor.js';
import { AT } from '../common/sql-time.js';
import type { Queryable } from '../database/queryable.js';

export interface NotificationRow {
  id: string;
  userId: string;
  kind: NotificationKind;
  pairingId: string;
  /** Mentions. */
  channelId: string | null;
  messageId: string | null;
  parentId: string | null;
  /** Plan review steps. */
  planId: string | null;
  planTitle: string | null;
  planStatus: PlanStatus | null;
  actorId: string;
  actorName: string;
  excerpt: string;
  createdAt: Date;
  readAt: Date | null;
  position: Position;
}

/** A plan's review step, for the people it concerns. */
export interface NewPlanReviewStep {
  pairingId: string;
  planId: string;
  status: PlanStatus;
  /** Whose move it was: the city (submitting, adopting) or the programme (reviewing). */
  movedBy: 'city' | 'programme';
  actorId: string;
  /** The start of the comment given with the step ('' without one). */
  excerpt: string;
}

export interface NewMention {
  pairingId: string;
  channelId: string;
  messageId: string;
  parentId: string | null;
  actorId: string;
  excerpt: string;
  userIds: string[];
  /** When, in µs since the epoch (the demo seed's messages are dated in the past); now if left out. */
  createdMicros?: bigint;
}

interface Raw {
  id: string;
  user_id: string;
  kind: NotificationKind;
  pairing_id: string;
  channel_id: string | null;
  message_id: string | null;
  parent_id: string | null;
  plan_id: string | null;
  plan_title: string | null;
  plan_status: PlanStatus | null;
  actor_id: string;
  actor_name: string;
  excerpt: string;
  created_at: Date;
  read_at: Date | null;
  micros: string;
}

const COLUMNS = `n.id, n.user_id, n.kind, n.pairing_id, n.channel_id, n.message_id, n.parent_id, n.plan_id, p.title AS plan_title,
  n.plan_status, n.actor_id, a.name AS actor_name, n.excerpt, n.created_at, n.read_at,
  (extract(epoch FROM n.created_at) * 1000000)::bigint::text AS micros`;
/** What COLUMNS reads from, given the notifications as `n`. */
const JOINS = 'JOIN users a ON a.id = n.actor_id LEFT JOIN plans p ON p.id = n.plan_id';

function toRow(r: Raw): NotificationRow {
  return {
    id: r.id,
    userId: r.user_id,
    kind: r.kind,
    pairingId: r.pairing_id,
    channelId: r.channel_id,
    messageId: r.message_id,
    parentId: r.parent_id,
    planId: r.plan_id,
    planTitle: r.plan_title,
    planStatus: r.plan_status,
    actorId: r.actor_id,
    actorName: r.actor_name,
    excerpt: r.excerpt,
    createdAt: r.created_at,
    readAt: r.read_at,
    position: { micros: r.micros, id: r.id },
  };
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insertMentions(m: NewMention): Promise<NotificationRow[]> {
    return insertMentionNotifications(this.dataSource, m);
  }

  /**
   * One notification per person the step concerns, in one statement: the programme's officers
   * when the city moved the plan (they review it), the city's coordinators and editors when the
   * programme did (they write it). Not the person who made the step, nor disabled accounts.
   */
  async insertPlanReviewStep(step: NewPlanReviewStep): Promise<NotificationRow[]> {
    const rows: Raw[] = await this.dataSource.query(
      `WITH audience AS (
         SELECT u.id FROM users u
          WHERE $6 = 'city' AND u.programme_role IS NOT NULL AND u.disabled_at IS NULL
         UNION
         SELECT u.id FROM plans p
           JOIN memberships m ON m.pairing_id = p.pairing_id AND m.authority_id = p.authority_id
            AND m.role IN ('coordinator', 'editor')
           JOIN users u ON u.id = m.user_id AND u.disabled_at IS NULL
          WHERE $6 = 'programme' AND p.id = $2),
       n AS (
         INSERT INTO notifications (user_id, kind, pairing_id, plan_id, plan_status, actor_id, excerpt)
         SELECT a.id, 'plan-review', $1, $2, $3, $4, $5 FROM audience a WHERE a.id <> $4
         RETURNING *)
       SELECT ${COLUMNS} FROM n ${JOINS}`,
      [step.pairingId, step.planId, step.status, step.actorId, step.excerpt, step.movedBy],
    );
    return rows.map(toRow);
  }

  async page(userId: string, before: Position | undefined, limit: number): Promise<NotificationRow[]> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications n ${JOINS}
        WHERE n.user_id = $1
          ${before ? `AND (n.created_at, n.id) < ('epoch'::timestamptz + $3::bigint * interval '1 microsecond', $4::uuid)` : ''}
        ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      before ? [userId, limit, before.micros, before.id] : [userId, limit],
    );
    return rows.map(toRow);
  }

  /** Unread notifications by pairing (so that those of pairings the person left can be left out). */
  async unreadByPairing(userId: string): Promise<Map<string, number>> {
    const rows: { pairing_id: string; n: string }[] = await this.dataSource.query(
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

  /** Deletes a message's notifications; answers whose they were (with their programme role). */
  async deleteForMessage(messageId: string): Promise<{ userId: string; programmeRole: ProgrammeRole | null }[]> {
    // A CTE, because TypeORM answers a top-level DELETE with [rows, count].
    const rows: { user_id: string; programme_role: ProgrammeRole | null }[] = await this.dataSource.query(
      `WITH d AS (DELETE FROM notifications WHERE message_id = $1 RETURNING user_id)
       SELECT DISTINCT u.id AS user_id, u.programme_role FROM d JOIN users u ON u.id = d.user_id`,
      [messageId],
    );
    return rows.map((r) => ({ userId: r.user_id, programmeRole: r.programme_role }));
  }

  /** A new text for the notifications of an edited message. */
  async updateExcerpt(messageId: string, excerpt: string): Promise<void> {
    await this.dataSource.query('UPDATE notifications SET excerpt = $2 WHERE message_id = $1', [messageId, excerpt]);
  }
}

/**
 * One notification per mentioned person; none twice for the same message. A plain function so
 * that the demo seed writes its starter mentions with it, inside its transaction.
 */
export async function insertMentionNotifications(db: Queryable, m: NewMention): Promise<NotificationRow[]> {
  if (!m.userIds.length) return [];
  const rows = (await db.query(
    `WITH n AS (
       INSERT INTO notifications (user_id, kind, pairing_id, channel_id, message_id, parent_id, actor_id, excerpt, created_at)
       SELECT u, 'mention', $2, $3, $4, $5, $6, $7, coalesce(${AT('$8')}, now()) FROM unnest($1::uuid[]) AS u
        WHERE NOT EXISTS (SELECT 1 FROM notifications o WHERE o.user_id = u AND o.message_id = $4)
       RETURNING *)
     SELECT ${COLUMNS} FROM n ${JOINS}`,
    [m.userIds, m.pairingId, m.channelId, m.messageId, m.parentId, m.actorId, m.excerpt, m.createdMicros?.toString() ?? null],
  )) as Raw[];
  return rows.map(toRow);
}

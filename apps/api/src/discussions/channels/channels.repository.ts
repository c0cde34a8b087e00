import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ChannelKind, PairingSide } from '@iuc/domain';
import { START, type Position } from '../../common/cursor.js';
import { writeDefaultChannels } from './default-channels.repository.js';

export interface ChannelRow {
  id: string;
  pairingId: string;
  kind: ChannelKind;
  side: PairingSide | null;
  name: string;
  archived: boolean;
}

export interface ReadStateRow {
  channelId: string;
  unread: number;
  read: Position;
  firstUnreadId: string | null;
  lastMessageAt: Date | null;
}

interface RawChannel {
  id: string;
  pairing_id: string;
  kind: ChannelKind;
  side: PairingSide | null;
  name: string;
  archived: boolean;
}

const CHANNEL_COLUMNS = `c.id, c.pairing_id, c.kind, c.side, c.name, (c.archived_at IS NOT NULL) AS archived`;
const KIND_ORDER = `CASE c.kind WHEN 'general' THEN 0 WHEN 'city' THEN 1 ELSE 2 END`;

function toChannel(r: RawChannel): ChannelRow {
  return {
    id: r.id,
    pairingId: r.pairing_id,
    kind: r.kind,
    side: r.side,
    name: r.name,
    archived: r.archived,
  };
}

/** Channels and read positions (who may read a channel is the access service's, see channel.locator.ts). */
@Injectable()
export class ChannelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  ensureDefaults(pairingIds: readonly string[]): Promise<void> {
    return writeDefaultChannels(this.dataSource, pairingIds);
  }

  async hasGeneral(pairingId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM channels WHERE pairing_id = $1 AND kind = 'general'`,
      [pairingId],
    );
    return rows.length > 0;
  }

  async byPairing(pairingId: string): Promise<ChannelRow[]> {
    const rows: RawChannel[] = await this.dataSource.query(
      `SELECT ${CHANNEL_COLUMNS} FROM channels c WHERE c.pairing_id = $1 ORDER BY ${KIND_ORDER}, c.side NULLS FIRST, lower(c.name), c.id`,
      [pairingId],
    );
    return rows.map(toChannel);
  }

  /** A topic channel; null when the name is taken in the pairing (whatever the case). */
  async createTopic(
    pairingId: string,
    name: string,
    createdBy: string,
  ): Promise<ChannelRow | null> {
    const rows: RawChannel[] = await this.dataSource.query(
      `INSERT INTO channels (pairing_id, kind, name, created_by)
       SELECT $1, 'topic', $2, $3
        WHERE NOT EXISTS (SELECT 1 FROM channels c WHERE c.pairing_id = $1 AND lower(c.name) = lower($2))
       ON CONFLICT DO NOTHING
       RETURNING id, pairing_id, kind, side, name, (archived_at IS NOT NULL) AS archived`,
      [pairingId, name, createdBy],
    );
    return rows[0] ? toChannel(rows[0]) : null;
  }

  /** Renames and/or archives; null when the new name is taken. */
  async update(
    channelId: string,
    patch: { name?: string; archived?: boolean },
  ): Promise<ChannelRow | null> {
    const rows: RawChannel[] = await this.dataSource.query(
      // A CTE, because TypeORM answers a top-level UPDATE with [rows, count].
      `WITH c AS (
         UPDATE channels c
            SET name = COALESCE($2, c.name),
                archived_at = CASE WHEN $3::boolean IS NULL THEN c.archived_at
                                   WHEN $3::boolean THEN COALESCE(c.archived_at, now()) ELSE NULL END
          WHERE c.id = $1
            AND ($2::text IS NULL OR NOT EXISTS (
                  SELECT 1 FROM channels o WHERE o.pairing_id = c.pairing_id AND o.id <> c.id AND lower(o.name) = lower($2)))
          RETURNING c.*)
       SELECT ${CHANNEL_COLUMNS} FROM c`,
      [channelId, patch.name ?? null, patch.archived ?? null],
    );
    return rows[0] ? toChannel(rows[0]) : null;
  }

  /**
   * For each channel: top-level messages by others, not deleted, after the person's read position;
   * the first of them; and the time of the channel's latest message.
   */
  async readStates(
    userId: string,
    channelIds: readonly string[],
  ): Promise<Map<string, ReadStateRow>> {
    if (!channelIds.length) return new Map();
    const rows: {
      channel_id: string;
      read_micros: string | null;
      read_id: string | null;
      unread: string;
      first_unread_id: string | null;
      last_message_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT c.id AS channel_id,
              (extract(epoch FROM r.read_at) * 1000000)::bigint::text AS read_micros, r.read_message_id AS read_id,
              (SELECT count(*) FROM messages m
                WHERE m.channel_id = c.id AND m.parent_id IS NULL AND m.deleted_at IS NULL AND m.author_id <> $1
                  AND (m.created_at, m.id) > (COALESCE(r.read_at, '-infinity'), COALESCE(r.read_message_id, '00000000-0000-0000-0000-000000000000'))) AS unread,
              (SELECT m.id FROM messages m
                WHERE m.channel_id = c.id AND m.parent_id IS NULL AND m.deleted_at IS NULL AND m.author_id <> $1
                  AND (m.created_at, m.id) > (COALESCE(r.read_at, '-infinity'), COALESCE(r.read_message_id, '00000000-0000-0000-0000-000000000000'))
                ORDER BY m.created_at, m.id LIMIT 1) AS first_unread_id,
              (SELECT m.created_at FROM messages m WHERE m.channel_id = c.id AND m.parent_id IS NULL
                ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS last_message_at
         FROM unnest($2::uuid[]) AS c(id)
         LEFT JOIN channel_reads r ON r.channel_id = c.id AND r.user_id = $1`,
      [userId, channelIds],
    );
    return new Map(
      rows.map((r) => [
        r.channel_id,
        {
          channelId: r.channel_id,
          unread: Number(r.unread),
          read: r.read_micros && r.read_id ? { micros: r.read_micros, id: r.read_id } : START,
          firstUnreadId: r.first_unread_id,
          lastMessageAt: r.last_message_at,
        },
      ]),
    );
  }

  /**
   * Moves the read position forward to `messageId` (a top-level message of the channel), or to the
   * channel's latest top-level message. Never backward. False when the message is not in the channel.
   */
  async markRead(userId: string, channelId: string, messageId: string | null): Promise<boolean> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH target AS (
         SELECT m.id, m.created_at FROM messages m
          WHERE m.channel_id = $2 AND m.parent_id IS NULL AND ($3::uuid IS NULL OR m.id = $3::uuid)
          ORDER BY m.created_at DESC, m.id DESC LIMIT 1)
       INSERT INTO channel_reads (user_id, channel_id, read_at, read_message_id, updated_at)
       SELECT $1, $2, t.created_at, t.id, now() FROM target t
       ON CONFLICT (user_id, channel_id) DO UPDATE
          SET read_at = excluded.read_at, read_message_id = excluded.read_message_id, updated_at = now()
        WHERE (channel_reads.read_at, channel_reads.read_message_id) < (excluded.read_at, excluded.read_message_id)
       RETURNING 1 AS id`,
      [userId, channelId, messageId],
    );
    if (rows.length || messageId === null) return true;
    // Nothing written: either the position was already further, or the message is not ours.
    const exists: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM messages WHERE id = $1 AND channel_id = $2 AND parent_id IS NULL',
      [messageId, channelId],
    );
    return exists.length > 0;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ChannelKind, PairingSide } from '@iuc/domain';
import { idsAfter } from '../../database/keyset-ids.js';

/** A message with what its search document needs of its channel. */
export interface SearchableMessageRow {
  id: string;
  parentId: string | null;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  channelId: string;
  channelKind: ChannelKind;
  channelSide: PairingSide | null;
  channelName: string;
  pairingId: string;
}

interface RawSearchableMessage {
  id: string;
  parent_id: string | null;
  body: string;
  created_at: Date;
  edited_at: Date | null;
  deleted: boolean;
  channel_id: string;
  kind: ChannelKind;
  side: PairingSide | null;
  name: string;
  pairing_id: string;
}

/** Messages as the search index reads them: by id, and every live one page by page. */
@Injectable()
export class MessageSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byIds(ids: readonly string[]): Promise<SearchableMessageRow[]> {
    if (!ids.length) return [];
    const rows: RawSearchableMessage[] = await this.dataSource.query(
      `SELECT m.id, m.parent_id, m.body, m.created_at, m.edited_at, (m.deleted_at IS NOT NULL) AS deleted,
              c.id AS channel_id, c.kind, c.side, c.name, c.pairing_id
         FROM messages m JOIN channels c ON c.id = m.channel_id
        WHERE m.id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return rows.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      body: r.body,
      createdAt: r.created_at,
      editedAt: r.edited_at,
      deleted: r.deleted,
      channelId: r.channel_id,
      channelKind: r.kind,
      channelSide: r.side,
      channelName: r.name,
      pairingId: r.pairing_id,
    }));
  }

  /** Ids of messages not deleted, in id order after `after`. */
  liveIdsAfter(after: string | null, limit: number): Promise<string[]> {
    return idsAfter(this.dataSource, 'messages', after, limit, 'deleted_at IS NULL');
  }

  /** Ids of messages written, edited or deleted since `since`, in id order after `after`. */
  changedIdsAfter(after: string | null, limit: number, since: Date): Promise<string[]> {
    const where = 'created_at >= $3 OR edited_at >= $3 OR deleted_at >= $3';
    return idsAfter(this.dataSource, 'messages', after, limit, where, [since]);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface RevisionRow {
  id: string;
  actorId: string;
  createdAt: Date;
  changes: FieldChange[];
}

/** Revisions of library items: one per saved edit. */
@Injectable()
export class ResourceRevisionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    m: EntityManager,
    resourceId: string,
    actorId: string,
    changes: FieldChange[],
  ): Promise<void> {
    await m.query(
      'INSERT INTO resource_revisions (resource_id, actor_id, changes) VALUES ($1, $2, $3::jsonb)',
      [resourceId, actorId, JSON.stringify(changes)],
    );
  }

  /** The item's revisions, newest first (bounded: an item is edited by people, not machines). */
  async list(resourceId: string, limit: number): Promise<RevisionRow[]> {
    const rows: {
      id: string;
      actor_id: string;
      created_at: Date;
      changes: FieldChange[];
    }[] = await this.dataSource.query(
      `SELECT v.id, v.actor_id, v.created_at, v.changes
         FROM resource_revisions v
        WHERE v.resource_id = $1 ORDER BY v.created_at DESC, v.id LIMIT $2`,
      [resourceId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      actorId: r.actor_id,
      createdAt: r.created_at,
      changes: r.changes,
    }));
  }
}

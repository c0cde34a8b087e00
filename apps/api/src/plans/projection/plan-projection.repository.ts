import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PlanContent } from '@iuc/domain';
import { pgPool } from '../../database/dedicated-connection.js';
import type { Queryable } from '../../database/queryable.js';

/** The values of the projection statement: the plan's id, then its sections, actions, text and action rows. */
export type ProjectionValues = string[];

/** A plan's projections (text, JSON, action rows): derived from its document, rewritten on change. */
@Injectable()
export class PlanProjectionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Writes the projections in one statement of its own, which commits without waiting for the WAL
   * flush (derived data, rebuilt from the durable document on the next change), as a named
   * statement straight on pg: projections run every few seconds for every plan being edited.
   */
  async write(values: ProjectionValues): Promise<void> {
    await pgPool(this.dataSource).query({
      name: 'plan_projection',
      text: PROJECTION_ASYNC_SQL,
      values,
    });
  }
}

/** Writes a plan's projections inside `m`'s transaction (also used by the demo seed). */
export async function writeProjection(
  m: Queryable,
  planId: string,
  content: PlanContent,
): Promise<void> {
  await m.query(projectionSql({ asyncCommit: false }), projectionValues(planId, content));
}

/**
 * Upserts the projection and the action rows, and deletes the rows of actions that are gone, in
 * one statement (the deleted and the upserted rows are disjoint). With `asyncCommit`, the
 * statement's own transaction commits without waiting for the WAL flush.
 */
function projectionSql({ asyncCommit }: { asyncCommit: boolean }): string {
  return `WITH ${asyncCommit ? "cfg AS (SELECT set_config('synchronous_commit', 'off', true))," : ''}
    projection AS (
      INSERT INTO plan_projections (plan_id, sections, actions, full_text, updated_at)
      SELECT $1::uuid, $2::jsonb, $3::jsonb, $4::text, now() ${asyncCommit ? 'FROM cfg' : ''}
      ON CONFLICT (plan_id) DO UPDATE SET sections = EXCLUDED.sections, actions = EXCLUDED.actions,
        full_text = EXCLUDED.full_text, updated_at = now()
    ),
    rows AS (SELECT r FROM jsonb_array_elements($5::jsonb) AS r),
    gone AS (
      DELETE FROM plan_action_rows WHERE plan_id = $1::uuid AND action_id <> ALL (ARRAY(SELECT r->>'id' FROM rows))
    )
    INSERT INTO plan_action_rows (plan_id, action_id, position, title, type, status, cost, currency,
        funding_total, funding_secured, indicator_count, sdgs, themes, inspired_by)
      SELECT $1::uuid, r->>'id', (r->>'position')::int, r->>'title', r->>'type', r->>'status', (r->>'cost')::float8,
        r->>'currency', (r->>'fundingTotal')::float8, (r->>'fundingSecured')::float8, (r->>'indicatorCount')::int,
        ARRAY(SELECT jsonb_array_elements_text(r->'sdgs'))::smallint[], ARRAY(SELECT jsonb_array_elements_text(r->'themes')),
        ARRAY(SELECT jsonb_array_elements_text(r->'inspiredBy'))::uuid[]
      FROM rows
    ON CONFLICT (plan_id, action_id) DO UPDATE SET position = EXCLUDED.position, title = EXCLUDED.title,
      type = EXCLUDED.type, status = EXCLUDED.status, cost = EXCLUDED.cost, currency = EXCLUDED.currency,
      funding_total = EXCLUDED.funding_total, funding_secured = EXCLUDED.funding_secured,
      indicator_count = EXCLUDED.indicator_count, sdgs = EXCLUDED.sdgs, themes = EXCLUDED.themes,
      inspired_by = EXCLUDED.inspired_by`;
}

const PROJECTION_ASYNC_SQL = projectionSql({ asyncCommit: true });

export function projectionValues(planId: string, content: PlanContent): ProjectionValues {
  const fullText = Object.values(content.sections).filter(Boolean).join('\n\n');
  const seen = new Set<string>();
  const rows = content.actions.filter((a) => !seen.has(a.id) && seen.add(a.id));
  const sum = (lines: { amount: number | null }[]) =>
    lines.reduce((s, f) => s + (f.amount ?? 0), 0);
  return [
    planId,
    JSON.stringify(content.sections),
    JSON.stringify(content.actions),
    fullText,
    JSON.stringify(
      rows.map((a, position) => ({
        id: a.id,
        position,
        title: a.title,
        type: a.type,
        status: a.status,
        cost: a.cost,
        currency: a.currency,
        fundingTotal: sum(a.funding),
        fundingSecured: sum(a.funding.filter((f) => f.status === 'secured')),
        indicatorCount: a.indicators.length,
        sdgs: a.sdgs,
        themes: a.themes,
        inspiredBy: a.inspiredBy,
      })),
    ),
  ];
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type * as Y from 'yjs';
import type { PlanContent } from '@iuc/domain';
import type { DocumentObserver } from '../collab/document-observer.js';
import { readPlanContent } from './plan-content.js';

const PLAN_DOC = /^plan\.([0-9a-f-]{36})$/;

/** Keeps a plan's projections (text, JSON, action rows) in step with its document. */
@Injectable()
export class PlanProjector implements DocumentObserver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  observes(docName: string): boolean {
    return PLAN_DOC.test(docName);
  }

  async documentChanged(docName: string, doc: Y.Doc): Promise<void> {
    const planId = PLAN_DOC.exec(docName)?.[1];
    if (planId) await this.project(planId, readPlanContent(doc));
  }

  project(planId: string, content: PlanContent): Promise<void> {
    return this.dataSource.transaction(async (m) => {
      // Derived data, rebuilt from the durable document on the next change: no need to wait for the
      // WAL flush, which would otherwise compete with the update log's commits.
      await m.query('SET LOCAL synchronous_commit = off');
      await writeProjection(m, planId, content);
    });
  }
}

/** Writes a plan's projections inside `m`'s transaction (also used by the demo seed). */
export async function writeProjection(
  m: EntityManager,
  planId: string,
  content: PlanContent,
): Promise<void> {
  const fullText = Object.values(content.sections).filter(Boolean).join('\n\n');
  await m.query(
    `INSERT INTO plan_projections (plan_id, sections, actions, full_text, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (plan_id) DO UPDATE SET sections = EXCLUDED.sections, actions = EXCLUDED.actions,
         full_text = EXCLUDED.full_text, updated_at = now()`,
    [planId, JSON.stringify(content.sections), JSON.stringify(content.actions), fullText],
  );
  await m.query('DELETE FROM plan_action_rows WHERE plan_id = $1', [planId]);
  const seen = new Set<string>();
  const rows = content.actions.filter((a) => !seen.has(a.id) && seen.add(a.id));
  if (!rows.length) return;
  const sum = (lines: { amount: number | null }[]) =>
    lines.reduce((s, f) => s + (f.amount ?? 0), 0);
  await m.query(
    `INSERT INTO plan_action_rows (plan_id, action_id, position, title, type, status, cost, currency,
          funding_total, funding_secured, indicator_count, sdgs, themes)
       SELECT $1, r->>'id', (r->>'position')::int, r->>'title', r->>'type', r->>'status', (r->>'cost')::float8,
          r->>'currency', (r->>'fundingTotal')::float8, (r->>'fundingSecured')::float8, (r->>'indicatorCount')::int,
          ARRAY(SELECT jsonb_array_elements_text(r->'sdgs'))::smallint[], ARRAY(SELECT jsonb_array_elements_text(r->'themes'))
       FROM jsonb_array_elements($2::jsonb) AS r`,
    [
      planId,
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
        })),
      ),
    ],
  );
}

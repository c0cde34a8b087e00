import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PlanAction, PlanSectionKey } from '@iuc/domain';
import { idsAfter } from '../../database/keyset-ids.js';

/** A plan with its projected content, as the search index reads it. */
export interface SearchablePlanRow {
  id: string;
  pairingId: string;
  authorityId: string;
  title: string;
  language: string;
  /** Null until the plan's document has been projected once. */
  sections: Partial<Record<PlanSectionKey, string>> | null;
  actions: PlanAction[];
  projectedAt: Date | null;
  /** The plan's action rows, in the table's order. */
  actionRows: SearchableActionRow[];
}

export interface SearchableActionRow {
  actionId: string;
  title: string;
  type: string;
  themes: string[];
  sdgs: number[];
}

interface RawPlan {
  id: string;
  pairing_id: string;
  authority_id: string;
  title: string;
  language: string;
  sections: Partial<Record<PlanSectionKey, string>> | null;
  actions: PlanAction[] | null;
  updated_at: Date | null;
}

interface RawActionRow {
  plan_id: string;
  action_id: string;
  title: string;
  type: string;
  themes: string[];
  sdgs: number[];
}

/** Plans and their projections (section text, action rows) for the search index. */
@Injectable()
export class PlanSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byIds(ids: readonly string[]): Promise<SearchablePlanRow[]> {
    if (!ids.length) return [];
    const [plans, actions]: [RawPlan[], RawActionRow[]] = await Promise.all([
      this.dataSource.query(
        `SELECT p.id, p.pairing_id, p.authority_id, p.title, p.language, pp.sections, pp.actions, pp.updated_at
           FROM plans p LEFT JOIN plan_projections pp ON pp.plan_id = p.id
          WHERE p.id = ANY($1::uuid[])`,
        [[...ids]],
      ),
      this.dataSource.query(
        `SELECT plan_id, action_id, title, type, themes, sdgs FROM plan_action_rows
          WHERE plan_id = ANY($1::uuid[]) ORDER BY plan_id, position`,
        [[...ids]],
      ),
    ]);
    const rowsOf = new Map<string, SearchableActionRow[]>();
    for (const a of actions) {
      const row = {
        actionId: a.action_id,
        title: a.title,
        type: a.type,
        themes: a.themes,
        sdgs: a.sdgs.map(Number),
      };
      const of = rowsOf.get(a.plan_id);
      if (of) of.push(row);
      else rowsOf.set(a.plan_id, [row]);
    }
    return plans.map((p) => ({
      id: p.id,
      pairingId: p.pairing_id,
      authorityId: p.authority_id,
      title: p.title,
      language: p.language,
      sections: p.sections,
      actions: p.actions ?? [],
      projectedAt: p.updated_at,
      actionRows: rowsOf.get(p.id) ?? [],
    }));
  }

  /** Plan ids in id order after `after`; with `since`, of plans changed or re-projected since. */
  idsAfter(after: string | null, limit: number, since?: Date): Promise<string[]> {
    if (!since) return idsAfter(this.dataSource, 'plans', after, limit);
    const where = `updated_at >= $3 OR id IN (SELECT plan_id FROM plan_projections WHERE updated_at >= $3)`;
    return idsAfter(this.dataSource, 'plans', after, limit, where, [since]);
  }
}

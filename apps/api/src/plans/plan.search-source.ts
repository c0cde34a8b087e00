import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  fillWords,
  PLAN_SECTIONS,
  planWords,
  provisionedPlanCity,
  searchUrls,
  type PlanAction,
  type PlanSectionKey,
  type PlanWords,
} from '@iuc/domain';
import { isUuid } from '../common/ids.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { SearchDocument, SearchSource } from '../search/search-document.js';
import { SearchSources } from '../search/search-sources.js';
import {
  PlanSearchRepository,
  type SearchableActionRow,
  type SearchablePlanRow,
} from './projection/plan-search.repository.js';

/**
 * Local Action Plans in search: one document per written section and one per action, from the
 * plan's projections. The plan rule (planRights): staff and every member of the pairing, of both
 * sides, read it, whatever its status. Titles use the template's words in the plan's language, the
 * language its text is indexed in.
 */
@Injectable()
export class PlanSearchSource implements SearchSource, OnModuleInit {
  readonly subject = 'plan';

  constructor(
    private readonly sources: SearchSources,
    private readonly plans: PlanSearchRepository,
    private readonly directory: DirectoryService,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async documentsOf(subjectIds: readonly string[]): Promise<Map<string, SearchDocument[]>> {
    const plans = await this.plans.byIds(subjectIds.filter(isUuid));
    const cities = await this.directory.authoritiesByIds(plans.map((p) => p.authorityId));
    return new Map(
      plans.map((p) => [p.id, planDocuments(p, cities.get(p.authorityId)?.countryIso ?? null)]),
    );
  }

  subjectIds(after: string | null, limit: number, changedSince?: Date): Promise<string[]> {
    return this.plans.idsAfter(after, limit, changedSince);
  }
}

function planDocuments(plan: SearchablePlanRow, country: string | null): SearchDocument[] {
  if (!plan.projectedAt) return [];
  const words = planWords(plan.language);
  const city = provisionedPlanCity(plan.title);
  const planTitle = city === null ? plan.title : fillWords(words.titleOf, { city });
  const common = {
    language: plan.language,
    audience: 'pairing' as const,
    pairingIds: [plan.pairingId],
    side: null,
    authorityId: plan.authorityId,
    authorId: null,
    country,
    date: plan.projectedAt,
    context: planTitle,
  };
  const sections = PLAN_SECTIONS.filter((s) => plan.sections?.[s.key]?.trim()).map(
    (s): SearchDocument => ({
      ...common,
      kind: 'plan-section',
      id: `${plan.id}:${s.key}`,
      title: `${planTitle} · ${sectionHeading(words, s.key, s.number)}`,
      summary: '',
      body: plan.sections?.[s.key] ?? '',
      themes: [],
      sdgs: [],
      url: searchUrls.planSection(plan.id, s.key),
    }),
  );
  const actions = plan.actionRows.map((row): SearchDocument => ({
    ...common,
    kind: 'action',
    id: `${plan.id}:${row.actionId}`,
    ...actionText(
      row,
      plan.actions.find((a) => a.id === row.actionId),
      words,
    ),
    themes: row.themes,
    sdgs: row.sdgs,
    url: searchUrls.action(plan.id, row.actionId),
  }));
  return [...sections, ...actions];
}

/** "3. Vision and objectives", in the plan's language. */
function sectionHeading(words: PlanWords, key: PlanSectionKey, number: number): string {
  return fillWords(words.sectionTitle, { number, title: words.section[key].title });
}

/** The action's title, its objective as the summary, and its other words as the body. */
function actionText(
  row: SearchableActionRow,
  action: PlanAction | undefined,
  words: PlanWords,
): Pick<SearchDocument, 'title' | 'summary' | 'body'> {
  const typeLabel = (words.actionType as Record<string, string>)[row.type];
  return {
    title: row.title.trim() || words.exportText.untitledAction,
    summary: action?.objective ?? '',
    body: [typeLabel, action?.leadOrganisation, ...(action?.indicators ?? []).map((i) => i.name)]
      .filter(Boolean)
      .join('\n'),
  };
}

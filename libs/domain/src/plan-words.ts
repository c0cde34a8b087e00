/**
 * The plan template's own words in every UI language: section titles and guidance, the action
 * table's vocabulary, a plan's title as created, and what an export prints. The web merges them
 * into its `plans` strings (the reader's language); an export uses the plan's language, so a plan
 * written in Chinese is exported with Chinese headings. `{{name}}` marks a value to fill in.
 */
import type {
  ActionStatus,
  ActionType,
  FundingSource,
  FundingStatus,
  IndicatorKind,
  PlanSectionKey,
  PlanStatus,
} from './plan-template.js';
import { UI_LANGUAGES, type UiLanguage } from './taxonomies.js';
import { de } from './plan-words/de.js';
import { en } from './plan-words/en.js';
import { es } from './plan-words/es.js';
import { fr } from './plan-words/fr.js';
import { it } from './plan-words/it.js';
import { ja } from './plan-words/ja.js';
import { pt } from './plan-words/pt.js';
import { zh } from './plan-words/zh.js';

export interface PlanWords {
  /** A plan's title as created ("Local Action Plan — {{city}}"). */
  titleOf: string;
  /** "{{number}}. {{title}}" */
  sectionTitle: string;
  section: Record<PlanSectionKey, { title: string; guidance: string }>;
  /** A plan's review status. */
  status: Record<PlanStatus, string>;
  actionType: Record<ActionType, string>;
  actionStatus: Record<ActionStatus, string>;
  fundingSource: Record<FundingSource, string>;
  fundingStatus: Record<FundingStatus, string>;
  indicatorKind: Record<IndicatorKind, string>;
  exportText: {
    notWritten: string;
    noActions: string;
    untitledAction: string;
    /** After an indicator's target: "by {{date}}". */
    indicatorBy: string;
    columns: Record<
      'title' | 'type' | 'objective' | 'lead' | 'dates' | 'cost' | 'funding' | 'indicators',
      string
    >;
  };
}

export const PLAN_WORDS: Readonly<Record<UiLanguage, PlanWords>> = {
  en,
  es,
  pt,
  fr,
  it,
  de,
  zh,
  ja,
};

/** The words for a BCP-47 language (its base language; English for a language the UI lacks). */
export function planWords(language: string): PlanWords {
  const base = language.toLowerCase().split('-')[0];
  return (UI_LANGUAGES as readonly string[]).includes(base) ? PLAN_WORDS[base as UiLanguage] : en;
}

/** Fills `{{name}}` placeholders (as i18next does, for the server). */
export function fillWords(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
